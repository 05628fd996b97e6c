// A small tester with chained setters, in the style of XNNPACK's:
//   KernelTester().n(17).inplace(true).misalign(1).test(kernel);
// It fills inputs (random values mixed with special ones), runs the kernel, and checks every
// output with value_check.hpp and that nothing past the end of the output was written.
#pragma once

#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "tests/value_check.hpp"

namespace actbench::test {

template <class T>
std::vector<T> special_values() {
  using L = std::numeric_limits<T>;
  return {T(0), -T(0), L::infinity(), -L::infinity(), L::quiet_NaN(), -L::quiet_NaN(), L::denorm_min(),
          -L::denorm_min(), L::min() / 2, -L::min() / 2, L::min(), -L::min(), L::max(), -L::max(), T(1), T(-1),
          L::epsilon(), -L::epsilon(), T(88.5), T(-88.5), T(-104), T(-745), T(17), T(40)};
}

class KernelTester {
 public:
  KernelTester& n(std::size_t v) { n_ = v; return *this; }
  KernelTester& inplace(bool v) { inplace_ = v; return *this; }
  KernelTester& misalign(std::size_t elems) { misalign_ = elems; return *this; }
  KernelTester& seed(unsigned v) { seed_ = v; return *this; }
  KernelTester& range(double lo, double hi) { lo_ = lo; hi_ = hi; return *this; }

  // Returns "" if every output is right, else the first few failures.
  std::string test(const Kernel& k) const {
    const KernelFn fn = k.get();
    return k.dtype() == DType::f32 ? run<float>(k, fn.f32) : run<double>(k, fn.f64);
  }

 private:
  template <class T, class Fn>
  std::string run(const Kernel& k, Fn fn) const {
    constexpr std::size_t kGuard = 64;
    const T canary = T(-1234.5);
    std::mt19937 rng(seed_);
    std::uniform_real_distribution<double> u(lo_, hi_);
    const std::vector<T> specials = special_values<T>();
    // One allocation per buffer, with room for the misalignment and a guard band of canaries.
    std::vector<T> in_store(n_ + misalign_ + kGuard), out_store(n_ + misalign_ + kGuard, canary);
    T* in = in_store.data() + misalign_;
    for (std::size_t i = 0; i < n_; ++i) in[i] = (i % 5 == 3) ? specials[(i / 5) % specials.size()] : static_cast<T>(u(rng));
    const std::vector<T> x(in, in + n_);
    T* out = inplace_ ? in : out_store.data() + misalign_;
    if (inplace_) std::fill(in_store.begin() + static_cast<std::ptrdiff_t>(misalign_ + n_), in_store.end(), canary);
    fn(in, out, n_);

    std::string errors;
    int count = 0;
    for (std::size_t i = 0; i < n_ && count < 5; ++i) {
      const std::string e = check_value(k, x[i], out[i]);
      if (!e.empty()) {
        errors += fmt::format("  [{}] {}\n", i, e);
        ++count;
      }
    }
    const std::vector<T>& store = inplace_ ? in_store : out_store;
    for (std::size_t i = misalign_ + n_; i < store.size(); ++i)
      if (std::memcmp(&store[i], &canary, sizeof(T)) != 0) {
        errors += fmt::format("  wrote past the end: element {} of n = {}\n", i - misalign_, n_);
        break;
      }
    if (!inplace_)
      for (std::size_t i = 0; i < misalign_; ++i)
        if (std::memcmp(&out_store[i], &canary, sizeof(T)) != 0) {
          errors += "  wrote before the start of the output\n";
          break;
        }
    return errors;
  }

  std::size_t n_ = 64, misalign_ = 0;
  bool inplace_ = false;
  unsigned seed_ = 1;
  double lo_ = -8, hi_ = 8;
};

}  // namespace actbench::test
