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
        cmp     rdx, 32
        jb      .Lavx2_vec
        .p2align 5
.Lavx2_loop:
        vmovups ymm0, [rdi]
        vmovups ymm1, [rdi + 32]
        vmovups ymm2, [rdi + 64]
        vmovups ymm3, [rdi + 96]
        vmaxps  ymm0, ymm0, ymm15
        vmaxps  ymm1, ymm1, ymm15
        vmaxps  ymm2, ymm2, ymm15
        vmaxps  ymm3, ymm3, ymm15
        vmovups [rsi], ymm0
        vmovups [rsi + 32], ymm1
        vmovups [rsi + 64], ymm2
        vmovups [rsi + 96], ymm3
        add     rdi, 128
        add     rsi, 128
        sub     rdx, 32
        cmp     rdx, 32
        jae     .Lavx2_loop
.Lavx2_vec:
        cmp     rdx, 8
        jb      .Lavx2_one
        vmovups ymm0, [rdi]
        vmaxps  ymm0, ymm0, ymm15
        vmovups [rsi], ymm0
        add     rdi, 32
        add     rsi, 32
        sub     rdx, 8
        jmp     .Lavx2_vec
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
        cmp     rdx, 64
        jb      .Lz_vec
        .p2align 5
.Lz_loop:
        vmovups zmm0, [rdi]
        vmovups zmm1, [rdi + 64]
        vmovups zmm2, [rdi + 128]
        vmovups zmm3, [rdi + 192]
        vmaxps  zmm0, zmm0, zmm31
        vmaxps  zmm1, zmm1, zmm31
        vmaxps  zmm2, zmm2, zmm31
        vmaxps  zmm3, zmm3, zmm31
        vmovups [rsi], zmm0
        vmovups [rsi + 64], zmm1
        vmovups [rsi + 128], zmm2
        vmovups [rsi + 192], zmm3
        add     rdi, 256
        add     rsi, 256
        sub     rdx, 64
        cmp     rdx, 64
        jae     .Lz_loop
.Lz_vec:
        cmp     rdx, 16
        jb      .Lz_tail
        vmovups zmm0, [rdi]
        vmaxps  zmm0, zmm0, zmm31
        vmovups [rsi], zmm0
        add     rdi, 64
        add     rsi, 64
        sub     rdx, 16
        jmp     .Lz_vec
.Lz_tail:
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
