// Peers that give exp at 16 lanes (SLEEF, glibc's libmvec); the sigmoid around them is ours:
// 1/(1+exp(-x)) with vdivps, the tail by lane masks. The 8-lane AVX2 twins are in
// vector_exp_peers_avx2.cpp, a TU built without AVX-512.
#include <immintrin.h>

#include "kernels/peers/peers.hpp"

#if ACTBENCH_HAVE_SLEEF
#include <sleef.h>
#endif

#if ACTBENCH_HAVE_LIBMVEC
extern "C" __m512 _ZGVeN16v_expf(__m512);  // glibc libmvec, AVX-512 expf
#endif

namespace actbench::peers {
namespace {

template <__m512 (*Exp)(__m512)>
__attribute__((target("avx512f"))) void sigmoid_with(const float* in, float* out, std::size_t n) {
  const __m512 one = _mm512_set1_ps(1.0f);
  const __m512i sign = _mm512_set1_epi32(static_cast<int>(0x80000000u));
  for (std::size_t i = 0; i < n; i += 16) {
    const std::size_t left = n - i;
    const __mmask16 m = left >= 16 ? __mmask16(0xFFFF) : static_cast<__mmask16>((1u << left) - 1);
    const __m512 x = _mm512_maskz_loadu_ps(m, in + i);
    const __m512 e = Exp(_mm512_castsi512_ps(_mm512_xor_si512(_mm512_castps_si512(x), sign)));  // exp(-x)
    _mm512_mask_storeu_ps(out + i, m, _mm512_div_ps(one, _mm512_add_ps(one, e)));
  }
}

}  // namespace

#if ACTBENCH_HAVE_SLEEF
namespace {
__m512 sleef_expf(__m512 x) { return Sleef_expf16_u10avx512f(x); }  // sleef.h declares a const return type
}  // namespace
void sleef_sigmoid_f32_avx512f(const float* in, float* out, std::size_t n) { sigmoid_with<sleef_expf>(in, out, n); }
#endif

#if ACTBENCH_HAVE_LIBMVEC
void libmvec_sigmoid_f32_avx512f(const float* in, float* out, std::size_t n) { sigmoid_with<_ZGVeN16v_expf>(in, out, n); }
#endif

}  // namespace actbench::peers
