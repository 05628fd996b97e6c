// Judges one output of a kernel against the reference and the kernel's own declared accuracy and
// special-value policy. Returns an empty string when the value is right, else why it is wrong.
#pragma once

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include <fmt/core.h>

#include "kernels/kernel.hpp"
#include "kernels/nan_policy.hpp"
#include "kernels/reference.hpp"

namespace actbench::test {

template <class T>
std::string bits_of(T v) {
  using U = std::conditional_t<sizeof(T) == 4, std::uint32_t, std::uint64_t>;
  return fmt::format("{} (0x{:x})", v, std::bit_cast<U>(v));
}

template <class T>
std::string check_relu(const Kernel& k, T x, T y) {
  auto fail = [&](const char* want) { return fmt::format("relu({}) = {}, want {}", bits_of(x), bits_of(y), want); };
  const SpecialPolicy& p = k.policy();
  const bool neg_sign = std::signbit(x);
  if (std::isnan(x)) {
    const bool want_zero = p.nan == NanPolicy::zero || (p.nan == NanPolicy::by_sign && neg_sign);
    if (want_zero) return (y == 0 && !std::signbit(y)) ? "" : fail("+0 (NaN policy)");
    return std::isnan(y) ? "" : fail("NaN (NaN policy)");
  }
  if (x == 0 && neg_sign) {
    if (p.neg_zero == NegZeroPolicy::neg_zero) return (y == 0 && std::signbit(y)) ? "" : fail("-0 (policy)");
    return (y == 0 && !std::signbit(y)) ? "" : fail("+0 (policy)");
  }
  if (p.denormals == DenormalPolicy::flushed && std::fpclassify(x) == FP_SUBNORMAL)
    return (y == 0 || y == x) ? "" : fail("x or 0 (denormals flushed)");
  const T want = x > 0 ? x : T(0);
  return std::bit_cast<std::conditional_t<sizeof(T) == 4, std::uint32_t, std::uint64_t>>(y) ==
                 std::bit_cast<std::conditional_t<sizeof(T) == 4, std::uint32_t, std::uint64_t>>(want)
             ? ""
             : fail(bits_of(want).c_str());
}

// Sigmoid: NaN propagates (or follows the policy), else the ULP bound where the correctly
// rounded result is normal and the absolute bound everywhere.
struct SigmoidError {
  double ulp = 0;  // distance in ULP from the correctly rounded result
  double abs = 0;  // |y - exact|
};

inline SigmoidError sigmoid_error(float x, float y) {
  const float cr = sigmoid_ref(x);
  return {static_cast<double>(ulp_distance(y, cr)),
          static_cast<double>(std::fabs(static_cast<long double>(y) - sigmoid_ref_wide(x)))};
}
inline SigmoidError sigmoid_error(double x, double y) {
  const long double exact = sigmoid_ref_wide(x);
  // ulp_error is against the exact value: a correctly rounded result is up to 0.5 from it.
  return {std::max(0.0, ulp_error(y, exact) - 0.5), static_cast<double>(std::fabs(static_cast<long double>(y) - exact))};
}

template <class T>
std::string check_sigmoid(const Kernel& k, T x, T y) {
  switch (sigmoid_nan_verdict(k, x, y)) {
    case NanVerdict::ok: return "";
    case NanVerdict::wrong:
      if (!std::isnan(x)) return fmt::format("sigmoid({}) = NaN", bits_of(x));
      return fmt::format("sigmoid(NaN) = {}, want {}", bits_of(y), k.policy().nan == NanPolicy::one ? "1" : "NaN");
    case NanVerdict::not_nan: break;
  }
  const SigmoidError e = sigmoid_error(x, y);
  const Accuracy& a = k.accuracy();
  const bool normal_result = ulp_bound_covers<T>(k, static_cast<double>(sigmoid_ref_wide(x)));
  if (normal_result && e.ulp > a.max_ulp)
    return fmt::format("sigmoid({}) = {}: {} ULP from the correctly rounded result, declared <= {}", bits_of(x),
                       bits_of(y), e.ulp, a.max_ulp);
  if (e.abs > a.max_abs)
    return fmt::format("sigmoid({}) = {}: absolute error {:.3g}, declared <= {:.3g}", bits_of(x), bits_of(y), e.abs,
                       a.max_abs);
  return "";
}

template <class T>
std::string check_value(const Kernel& k, T x, T y) {
  return k.op() == Op::relu ? check_relu(k, x, y) : check_sigmoid(k, x, y);
}

}  // namespace actbench::test
