// Plain C++ and intrinsics variants: the baselines the asm and JIT variants are compared to.
// SIMD variants carry their ISA as a target attribute on the function, not as a per-file flag,
// so no inline helper compiled for AVX-512 can leak into code that runs on a smaller CPU.
#pragma once

#include <cstddef>

namespace actbench::cpp {

// ReLU, f32
void relu_f32_signbit_branch(const float* in, float* out, std::size_t n);
void relu_f32_signbit_mask(const float* in, float* out, std::size_t n);
void relu_f32_stdmax(const float* in, float* out, std::size_t n);
void relu_f32_sse41_maxps(const float* in, float* out, std::size_t n);
void relu_f32_avx2_maxps(const float* in, float* out, std::size_t n);
void relu_f32_avx512f_maxps(const float* in, float* out, std::size_t n);
void relu_f32_sse41_blendv(const float* in, float* out, std::size_t n);
void relu_f32_avx2_blendv(const float* in, float* out, std::size_t n);
void relu_f32_avx512f_blendm(const float* in, float* out, std::size_t n);

// ReLU, f64
void relu_f64_fmax(const double* in, double* out, std::size_t n);
void relu_f64_signbit_branch(const double* in, double* out, std::size_t n);

// Sigmoid through libm
void sigmoid_f32_libm(const float* in, float* out, std::size_t n);
void sigmoid_f32_libm_f64(const float* in, float* out, std::size_t n);
void sigmoid_f32_libm_tanh(const float* in, float* out, std::size_t n);
void sigmoid_f64_libm(const double* in, double* out, std::size_t n);
void sigmoid_f64_libm_tanh(const double* in, double* out, std::size_t n);

// The references, as kernels, so their cost is measured like everything else.
void relu_f32_ref(const float* in, float* out, std::size_t n);
void sigmoid_f32_ref(const float* in, float* out, std::size_t n);

}  // namespace actbench::cpp
