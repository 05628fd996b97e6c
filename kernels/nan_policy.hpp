// A sigmoid kernel's special-value policy (its NaN side, and which results its ULP bound covers),
// judged in one place for the tests (tests/value_check.hpp) and for `actbench accuracy`
// (benches/accuracy.cpp).
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>

#include "kernels/kernel.hpp"

namespace actbench {

enum class NanVerdict {
  not_nan,  // neither input nor output is NaN: judge the value numerically
  ok,       // NaN involved, and the kernel does what its policy says
  wrong,    // NaN involved against the policy
};

template <class T>
NanVerdict sigmoid_nan_verdict(const Kernel& k, T x, T y) {
  const SpecialPolicy& p = k.policy();
  if (std::isnan(x)) {
    if (p.nan == NanPolicy::propagate) return std::isnan(y) ? NanVerdict::ok : NanVerdict::wrong;
    // "One" within the kernel's own absolute bound: a reciprocal estimate of 1 need not be 1.
    if (p.nan == NanPolicy::one)
      return std::fabs(static_cast<double>(y) - 1.0) <= k.accuracy().max_abs ? NanVerdict::ok : NanVerdict::wrong;
    return NanVerdict::ok;
  }
  if (std::isnan(y)) return std::fabs(static_cast<double>(x)) >= p.nan_above ? NanVerdict::ok : NanVerdict::wrong;
  return NanVerdict::not_nan;
}

// Whether the ULP bound covers a result whose exact value is `exact`: normal results, from the
// policy's ulp_from up; below, only the absolute bound holds.
template <class T>
bool ulp_bound_covers(const Kernel& k, double exact) {
  return std::fabs(exact) >= std::max(static_cast<double>(std::numeric_limits<T>::min()), k.policy().ulp_from);
}

}  // namespace actbench
