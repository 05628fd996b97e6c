#include <immintrin.h>

#include <bit>
#include <cstdint>

#include "kernels/cpp/cpp_kernels.hpp"

// maxps returns its second operand when either is NaN or both are zero, so maxps(x, 0) maps NaN
// to 0 and -0 to +0. Tails use the scalar form of the same instruction to keep that behaviour.

namespace actbench::cpp {

__attribute__((target("sse4.1"))) void relu_f32_sse41_maxps(const float* in, float* out, std::size_t n) {
  const __m128 zero = _mm_setzero_ps();
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) _mm_storeu_ps(out + i, _mm_max_ps(_mm_loadu_ps(in + i), zero));
  for (; i < n; ++i) _mm_store_ss(out + i, _mm_max_ss(_mm_load_ss(in + i), zero));
}

__attribute__((target("avx2"))) void relu_f32_avx2_maxps(const float* in, float* out, std::size_t n) {
  const __m256 zero = _mm256_setzero_ps();
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) _mm256_storeu_ps(out + i, _mm256_max_ps(_mm256_loadu_ps(in + i), zero));
  for (; i < n; ++i) _mm_store_ss(out + i, _mm_max_ss(_mm_load_ss(in + i), _mm_setzero_ps()));
}

__attribute__((target("avx512f"))) void relu_f32_avx512f_maxps(const float* in, float* out, std::size_t n) {
  const __m512 zero = _mm512_setzero_ps();
  std::size_t i = 0;
  for (; i + 16 <= n; i += 16) _mm512_storeu_ps(out + i, _mm512_max_ps(_mm512_loadu_ps(in + i), zero));
  if (i < n) {
    const __mmask16 m = static_cast<__mmask16>((1u << (n - i)) - 1);
    _mm512_mask_storeu_ps(out + i, m, _mm512_max_ps(_mm512_maskz_loadu_ps(m, in + i), zero));
  }
}

// blendv picks from its second source where the mask's sign bit is set: the input is its own mask.
__attribute__((target("sse4.1"))) void relu_f32_sse41_blendv(const float* in, float* out, std::size_t n) {
  const __m128 zero = _mm_setzero_ps();
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    const __m128 x = _mm_loadu_ps(in + i);
    _mm_storeu_ps(out + i, _mm_blendv_ps(x, zero, x));
  }
  for (; i < n; ++i) {
    const __m128 x = _mm_load_ss(in + i);
    _mm_store_ss(out + i, _mm_blendv_ps(x, zero, x));
  }
}

__attribute__((target("avx2"))) void relu_f32_avx2_blendv(const float* in, float* out, std::size_t n) {
  const __m256 zero = _mm256_setzero_ps();
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const __m256 x = _mm256_loadu_ps(in + i);
    _mm256_storeu_ps(out + i, _mm256_blendv_ps(x, zero, x));
  }
  for (; i < n; ++i) {
    const __m128 x = _mm_load_ss(in + i);
    _mm_store_ss(out + i, _mm_blendv_ps(x, _mm_setzero_ps(), x));
  }
}

// AVX-512 has no blendv: the sign becomes a mask (signed compare of the bits with 0) and
// vblendmps picks zero where it is set.
__attribute__((target("avx512f"))) void relu_f32_avx512f_blendm(const float* in, float* out, std::size_t n) {
  const __m512 zero = _mm512_setzero_ps();
  const __m512i izero = _mm512_setzero_si512();
  std::size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    const __m512 x = _mm512_loadu_ps(in + i);
    const __mmask16 neg = _mm512_cmplt_epi32_mask(_mm512_castps_si512(x), izero);
    _mm512_storeu_ps(out + i, _mm512_mask_blend_ps(neg, x, zero));
  }
  if (i < n) {
    const __mmask16 m = static_cast<__mmask16>((1u << (n - i)) - 1);
    const __m512 x = _mm512_maskz_loadu_ps(m, in + i);
    const __mmask16 neg = _mm512_cmplt_epi32_mask(_mm512_castps_si512(x), izero);
    _mm512_mask_storeu_ps(out + i, m, _mm512_mask_blend_ps(neg, x, zero));
  }
}

}  // namespace actbench::cpp
