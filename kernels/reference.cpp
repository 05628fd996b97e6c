#include "kernels/reference.hpp"

#include <mpfr.h>

#include <atomic>
#include <bit>
#include <cmath>
#include <limits>

namespace actbench {
namespace {

std::atomic<std::uint64_t> g_fallbacks{0};

template <class F>
F sigmoid_mpfr(F x) {
  mpfr_t t;
  mpfr_init2(t, 256);
  if constexpr (sizeof(F) == 4)
    mpfr_set_flt(t, x, MPFR_RNDN);
  else
    mpfr_set_d(t, x, MPFR_RNDN);
  mpfr_neg(t, t, MPFR_RNDN);
  mpfr_exp(t, t, MPFR_RNDN);
  mpfr_add_ui(t, t, 1, MPFR_RNDN);
  mpfr_ui_div(t, 1, t, MPFR_RNDN);
  F r;
  // 256 bits leave no double-rounding risk in practice; mpfr_get_* rounds subnormals correctly.
  if constexpr (sizeof(F) == 4)
    r = mpfr_get_flt(t, MPFR_RNDN);
  else
    r = mpfr_get_d(t, MPFR_RNDN);
  mpfr_clear(t);
  return r;
}

template <class F, class U>
std::uint64_t ordinal_distance(F a, F b) {
  if (std::isnan(a) || std::isnan(b)) return std::numeric_limits<std::uint64_t>::max();
  auto ord = [](F v) -> std::int64_t {
    auto u = std::bit_cast<U>(v);
    constexpr U sign = U(1) << (sizeof(U) * 8 - 1);
    std::int64_t mag = static_cast<std::int64_t>(u & ~sign);
    return (u & sign) ? -mag : mag;
  };
  std::int64_t d = ord(a) - ord(b);
  return static_cast<std::uint64_t>(d < 0 ? -d : d);
}

}  // namespace

float relu_ref(float x) { return std::isnan(x) ? x : (x > 0.0f ? x : 0.0f); }
double relu_ref(double x) { return std::isnan(x) ? x : (x > 0.0 ? x : 0.0); }

float sigmoid_ref(float x) {
  if (std::isnan(x)) return x;
  const double d = 1.0 / (1.0 + std::exp(-static_cast<double>(x)));
  const float f = static_cast<float>(d);
  // glibc's exp is within 1 ULP in double, so d is within a few double ULPs of the true value.
  // Only when d lies that close to a halfway point between two floats can rounding go wrong.
  const double tol = 8.0 * std::ldexp(std::fabs(d), -53) + 1e-320;
  const double lo = std::nextafter(f, -std::numeric_limits<float>::infinity());
  const double hi = std::nextafter(f, std::numeric_limits<float>::infinity());
  const double mid_lo = 0.5 * (static_cast<double>(f) + lo);
  const double mid_hi = 0.5 * (static_cast<double>(f) + hi);
  if (std::fabs(d - mid_lo) <= tol || std::fabs(d - mid_hi) <= tol) {
    g_fallbacks.fetch_add(1, std::memory_order_relaxed);
    return sigmoid_mpfr<float>(x);
  }
  return f;
}

long double sigmoid_ref_wide(double x) { return 1.0L / (1.0L + std::exp(-static_cast<long double>(x))); }

float sigmoid_mpfr_f32(float x) { return std::isnan(x) ? x : sigmoid_mpfr<float>(x); }
double sigmoid_mpfr_f64(double x) { return std::isnan(x) ? x : sigmoid_mpfr<double>(x); }

std::uint64_t sigmoid_ref_mpfr_fallbacks() { return g_fallbacks.load(); }

std::uint64_t ulp_distance(float a, float b) { return ordinal_distance<float, std::uint32_t>(a, b); }
std::uint64_t ulp_distance(double a, double b) { return ordinal_distance<double, std::uint64_t>(a, b); }

double ulp_error(double got, long double ref) {
  if (std::isnan(got) || std::isnan(ref)) return std::numeric_limits<double>::infinity();
  // ULP of the reference in double: spacing of doubles at |ref|, subnormal spacing at the bottom.
  int e;
  std::frexp(static_cast<double>(ref), &e);
  const long double ulp = std::ldexp(1.0L, std::max(e - 53, -1074));
  return static_cast<double>(std::fabs(static_cast<long double>(got) - ref) / ulp);
}

}  // namespace actbench
