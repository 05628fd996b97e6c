// SLEEF's and glibc's 8-lane AVX2 expf, with the same sigmoid around them as the 16-lane ones:
// 1/(1+exp(-x)) with vdivps. The tail goes through a zero-padded copy, so the exp function only
// ever sees full vectors. This TU is built for AVX2 + FMA only (kernels/CMakeLists.txt).
#include <immintrin.h>

#include <algorithm>

#include "kernels/peers/peers.hpp"

#if ACTBENCH_HAVE_SLEEF
#include <sleef.h>
#endif

#if ACTBENCH_HAVE_LIBMVEC
extern "C" __m256 _ZGVdN8v_expf(__m256);  // glibc libmvec, AVX2 expf
#endif

namespace actbench::peers {
namespace {

template <__m256 (*Exp)(__m256)>
__m256 sigmoid8(__m256 x) {
  const __m256 one = _mm256_set1_ps(1.0f);
  const __m256 e = Exp(_mm256_xor_ps(x, _mm256_set1_ps(-0.0f)));  // exp(-x)
  return _mm256_div_ps(one, _mm256_add_ps(one, e));
}

template <__m256 (*Exp)(__m256)>
void sigmoid_with(const float* in, float* out, std::size_t n) {
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) _mm256_storeu_ps(out + i, sigmoid8<Exp>(_mm256_loadu_ps(in + i)));
  if (i < n) {
    alignas(32) float tail[8] = {};
    std::copy(in + i, in + n, tail);
    _mm256_store_ps(tail, sigmoid8<Exp>(_mm256_load_ps(tail)));
    std::copy(tail, tail + (n - i), out + i);
  }
}

}  // namespace

#if ACTBENCH_HAVE_SLEEF
namespace {
__m256 sleef_expf(__m256 x) { return Sleef_expf8_u10avx2(x); }  // sleef.h declares a const return type
}  // namespace
void sleef_sigmoid_f32_avx2(const float* in, float* out, std::size_t n) { sigmoid_with<sleef_expf>(in, out, n); }
#endif

#if ACTBENCH_HAVE_LIBMVEC
void libmvec_sigmoid_f32_avx2(const float* in, float* out, std::size_t n) { sigmoid_with<_ZGVdN8v_expf>(in, out, n); }
#endif

}  // namespace actbench::peers
