// Reference results every kernel is checked against.
// ReLU is exact. The f32 sigmoid reference is correctly rounded: a double-precision evaluation,
// with the rare inputs whose double result lies too close to a float rounding boundary resolved
// by MPFR (tests/test_reference.cpp checks the whole thing against MPFR on millions of inputs).
#pragma once

#include <cstdint>

namespace actbench {

float relu_ref(float x);    // x > 0 ? x : +0; NaN stays NaN
double relu_ref(double x);

float sigmoid_ref(float x);         // correctly rounded to nearest
long double sigmoid_ref_wide(double x);  // 64-bit-mantissa value for judging f64 kernels
float sigmoid_mpfr_f32(float x);    // MPFR, correctly rounded, slow
double sigmoid_mpfr_f64(double x);  // MPFR, correctly rounded, slow

// How many inputs sigmoid_ref(float) had to resolve with MPFR so far (for the tests and reports).
std::uint64_t sigmoid_ref_mpfr_fallbacks();

// Distance in representable values between a and b (0 = identical, 1 = neighbours). +0 and -0
// are the same ordinal (distance 0): check the sign of a zero separately. NaN gives UINT64_MAX.
std::uint64_t ulp_distance(float a, float b);
std::uint64_t ulp_distance(double a, double b);
// Error of a double result against a wider reference, in ULP of the reference's magnitude.
double ulp_error(double got, long double ref);

}  // namespace actbench
