// Adapters that put third-party implementations behind the one kernel signature, so they are
// measured and checked exactly like ours. Each is built only when its package was found; the
// ACTBENCH_HAVE_<PEER> definitions say which (see kernels/CMakeLists.txt).
#pragma once

#include <cstddef>

namespace actbench::peers {

// XNNPACK operators (created once; each call sets them up for its pointers and runs them on the
// calling thread, no thread pool): sigmoid, and clamp(0, +inf) as ReLU.
void xnnpack_sigmoid_f32(const float* in, float* out, std::size_t n);
void xnnpack_relu_f32(const float* in, float* out, std::size_t n);

// oneDNN eltwise_logistic and eltwise_relu primitives, one per array length, created on the
// first call with that length (outside the timed region: benchmarks warm up first); OpenMP
// limited to one thread.
void onednn_sigmoid_f32(const float* in, float* out, std::size_t n);
void onednn_relu_f32(const float* in, float* out, std::size_t n);

// Eigen 3.4 array expressions: logistic() and cwiseMax(0), compiled for AVX-512 and for AVX2.
void eigen_sigmoid_f32_avx512f(const float* in, float* out, std::size_t n);
void eigen_relu_f32_avx512f(const float* in, float* out, std::size_t n);
void eigen_sigmoid_f64_avx512f(const double* in, double* out, std::size_t n);
void eigen_sigmoid_f32_avx2(const float* in, float* out, std::size_t n);
void eigen_relu_f32_avx2(const float* in, float* out, std::size_t n);
void eigen_sigmoid_f64_avx2(const double* in, double* out, std::size_t n);

// SLEEF Sleef_expf16_u10 / Sleef_expf8_u10avx2 (1.0 ULP), then 1/(1+e) by vdivps.
void sleef_sigmoid_f32_avx512f(const float* in, float* out, std::size_t n);
void sleef_sigmoid_f32_avx2(const float* in, float* out, std::size_t n);

// glibc's vector math library: _ZGVeN16v_expf (AVX-512) / _ZGVdN8v_expf (AVX2), then vdivps.
void libmvec_sigmoid_f32_avx512f(const float* in, float* out, std::size_t n);
void libmvec_sigmoid_f32_avx2(const float* in, float* out, std::size_t n);

}  // namespace actbench::peers
