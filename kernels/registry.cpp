#include "kernels/registry.hpp"

#include <fnmatch.h>

#include <algorithm>

#include <stdexcept>

namespace actbench {

const Registry& Registry::instance() {
  static const Registry r = [] {
    Registry reg;
    add_all_kernels(reg);
    return reg;
  }();
  return r;
}

void Registry::check_unique(const std::string& name) const {
  std::size_t count = 0;
  for (const auto& k : kernels_) count += k.name() == name;
  if (count > 1) throw std::logic_error("kernel registered twice: " + name);
}

const Kernel* Registry::find(std::string_view name) const {
  for (const auto& k : kernels_)
    if (k.name() == name) return &k;
  return nullptr;
}

std::vector<const Kernel*> Registry::select(std::string_view selector) const {
  std::vector<const Kernel*> out;
  const std::string sel(selector);
  const bool glob = sel.find_first_of("*?[") != std::string::npos;
  for (const auto& k : kernels_) {
    const std::string& n = k.name();
    bool match;
    if (glob)
      match = fnmatch(sel.c_str(), n.c_str(), 0) == 0;
    else
      match = n == sel || (n.size() > sel.size() && n.compare(0, sel.size(), sel) == 0 && n[sel.size()] == '/');
    if (match) out.push_back(&k);
  }
  if (out.empty())
    throw std::invalid_argument("no kernel matches '" + sel +
                                "' (give a full name, leading name parts such as 'relu/f32', or a glob; "
                                "`actbench list` shows the names)");
  return out;
}

std::vector<const Kernel*> Registry::select(const std::vector<std::string>& selectors) const {
  std::vector<const Kernel*> out;
  for (const auto& s : selectors)
    for (const Kernel* k : select(s))
      if (std::find(out.begin(), out.end(), k) == out.end()) out.push_back(k);
  return out;
}

}  // namespace actbench
