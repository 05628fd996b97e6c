/* void actbench_asm_relu_f32_maxps_sse41_u4(const float* in, float* out, size_t n);
 * void actbench_asm_relu_f32_maxps_avx2_u4(const float* in, float* out, size_t n);
 * void actbench_asm_relu_f32_maxps_avx512f_u4(const float* in, float* out, size_t n);
 *
 * ReLU as maxps(x, 0) at three widths: x is the first operand, so NaN and -0 give the second
 * one, +0.
 * Registers: rdi in, rsi out, rdx values left; v0-v3 the values, v15 (v31 for zmm) zero.
 * Per iteration: 4 vectors (16, 32 or 64 values): 4 loads, 4 maxps, 4 stores, 4 independent
 * chains, loop aligned to 32 bytes. The tail: one vector at a time, then the last partial vector
 * by a lane mask (AVX-512) or one value at a time with maxss (narrower ISAs). */
#include "asm_macros.h"

/* The VEX/EVEX main loop, the same at ymm and zmm width: 4 vectors of `bytes` each per iteration,
   `vals` values per iteration, `zero` the zero register. */
#define VMAXPS_LOOP_U4(R, bytes, vals, zero, label) \
        cmp     rdx, vals;                       \
        jb      label##_vec;                     \
        .p2align 5;                              \
label##_loop:                                    \
        vmovups R##0, [rdi];                     \
        vmovups R##1, [rdi + bytes];             \
        vmovups R##2, [rdi + 2 * bytes];         \
        vmovups R##3, [rdi + 3 * bytes];         \
        vmaxps  R##0, R##0, zero;                \
        vmaxps  R##1, R##1, zero;                \
        vmaxps  R##2, R##2, zero;                \
        vmaxps  R##3, R##3, zero;                \
        vmovups [rsi], R##0;                     \
        vmovups [rsi + bytes], R##1;             \
        vmovups [rsi + 2 * bytes], R##2;         \
        vmovups [rsi + 3 * bytes], R##3;         \
        add     rdi, 4 * bytes;                  \
        add     rsi, 4 * bytes;                  \
        sub     rdx, vals;                       \
        cmp     rdx, vals;                       \
        jae     label##_loop;                    \
label##_vec:                                     \
        cmp     rdx, vals / 4;                   \
        jb      label##_tail;                    \
        vmovups R##0, [rdi];                     \
        vmaxps  R##0, R##0, zero;                \
        vmovups [rsi], R##0;                     \
        add     rdi, bytes;                      \
        add     rsi, bytes;                      \
        sub     rdx, vals / 4;                   \
        jmp     label##_vec;                     \
label##_tail:

/* SSE: legacy encoding, unaligned loads into registers first (maxps with memory wants alignment). */
FUNCTION(actbench_asm_relu_f32_maxps_sse41_u4)
        xorps   xmm15, xmm15
        cmp     rdx, 16
        jb      .Lsse_one
        .p2align 5
.Lsse_loop:
        movups  xmm0, [rdi]
        movups  xmm1, [rdi + 16]
        movups  xmm2, [rdi + 32]
        movups  xmm3, [rdi + 48]
        maxps   xmm0, xmm15
        maxps   xmm1, xmm15
        maxps   xmm2, xmm15
        maxps   xmm3, xmm15
        movups  [rsi], xmm0
        movups  [rsi + 16], xmm1
        movups  [rsi + 32], xmm2
        movups  [rsi + 48], xmm3
        add     rdi, 64
        add     rsi, 64
        sub     rdx, 16
        cmp     rdx, 16
        jae     .Lsse_loop
.Lsse_one:
        test    rdx, rdx
        jz      .Lsse_done
.Lsse_scalar:
        movss   xmm0, [rdi]
        maxss   xmm0, xmm15
        movss   [rsi], xmm0
        add     rdi, 4
        add     rsi, 4
        dec     rdx
        jnz     .Lsse_scalar
.Lsse_done:
        ret
END(actbench_asm_relu_f32_maxps_sse41_u4)

FUNCTION(actbench_asm_relu_f32_maxps_avx2_u4)
        vxorps  xmm15, xmm15, xmm15
        VMAXPS_LOOP_U4(ymm, 32, 32, ymm15, .Lavx2)
.Lavx2_one:
        test    rdx, rdx
        jz      .Lavx2_done
.Lavx2_scalar:
        vmovss  xmm0, [rdi]
        vmaxss  xmm0, xmm0, xmm15
        vmovss  [rsi], xmm0
        add     rdi, 4
        add     rsi, 4
        dec     rdx
        jnz     .Lavx2_scalar
.Lavx2_done:
        vzeroupper
        ret
END(actbench_asm_relu_f32_maxps_avx2_u4)

FUNCTION(actbench_asm_relu_f32_maxps_avx512f_u4)
        vpxord  zmm31, zmm31, zmm31
        VMAXPS_LOOP_U4(zmm, 64, 64, zmm31, .Lz)
        test    rdx, rdx
        jz      .Lz_done
        mov     eax, 1                      /* k1 = (1 << n) - 1: the lanes left */
        shlx    eax, eax, edx
        dec     eax
        kmovw   k1, eax
        vmovups zmm0{k1}{z}, [rdi]
        vmaxps  zmm0, zmm0, zmm31
        vmovups [rsi]{k1}, zmm0
.Lz_done:
        vzeroupper
        ret
END(actbench_asm_relu_f32_maxps_avx512f_u4)

NOTE_GNU_STACK
