// The registry: every kernel the suite knows, built once from the single hand-edited list in
// kernels/kernel_list.cpp. Tests, benches, `actbench list` and the reports iterate it.
#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "kernels/kernel.hpp"

namespace actbench {

class Registry {
 public:
  static const Registry& instance();

  template <class... Args>
  const Kernel& add(Args&&... args) {
    const Kernel& k = kernels_.emplace_back(std::forward<Args>(args)...);
    check_unique(k.name());
    return k;
  }

  const std::deque<Kernel>& all() const { return kernels_; }
  const Kernel* find(std::string_view name) const;

  // Kernels matching a selector: an exact name, a group given as leading name parts
  // ("relu", "sigmoid/f32", "relu/f32/cpp"), or a glob with '*' ("relu/*/jit/*/maxps*").
  // Throws std::invalid_argument naming the selector when nothing matches.
  std::vector<const Kernel*> select(std::string_view selector) const;
  std::vector<const Kernel*> select(const std::vector<std::string>& selectors) const;

 private:
  void check_unique(const std::string& name) const;
  std::deque<Kernel> kernels_;  // a deque: adding never moves a Kernel (they are not movable)
};

// Defined in kernel_list.cpp: the one list of variants.
void add_all_kernels(Registry& r);

// Peers this build was made without (their packages were not found), for the run summary.
std::vector<std::string> absent_peers();

}  // namespace actbench
