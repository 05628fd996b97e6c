/* void actbench_asm_sigmoid_f32_exp_p6_div_avx2_u1(const float* in, float* out, size_t n);
 * void actbench_asm_sigmoid_f32_exp_p6_div_avx2_u2(const float* in, float* out, size_t n);
 *
 * sigmoid(x) = 1 / (1 + exp(-x)), 8 lanes, AVX2 + FMA; x clamped to [-87.6, 88] (NaN kept: it is the
 * second operand of the clamps). exp(z), z = -x: nb = 1.5 * 2^23 - x log2e holds n = round(z log2e) in
 * its low bits; t' = x + n ln2 = -t (two constants); exp(t) = 1 - t' q(-t') by a degree-6 polynomial
 * with c1 = 1 and the odd powers' signs flipped. Then
 *     sigmoid = 1 / (1 + 2^n exp(t)) = s / ((1 + s) - t' q),   s = 2^-n,
 * so the last polynomial step and the "1 +" are one FMA, and 1 + s is computed beside the polynomial,
 * off the dependency chain. s comes from the bits of 1.0 minus nb << 23 (an integer subtract): no
 * multiply by 2^n is left for the two FMA pipes, and a NaN q makes the quotient NaN whatever the
 * shifted NaN bits became. The clamp keeps s normal (-127 <= n <= 126). vdivps rounds correctly;
 * within 2 ULP over all 2^32 inputs (actbench accuracy --exhaustive).
 *
 * Written for cores that load a 256-bit operand as two halves (Zen 1 and 2): the constants stay in
 * registers. Per vector four registers: X (x, then t', then the result), Q (nb, n, then q, then the
 * denominator), S (n << 23, then s), A (1 + s). Registers: rdi in, rsi out, rdx values left.
 * u1: one vector per iteration in ymm0-ymm3; ymm4-ymm15 every constant of .Lconsts.
 * u2: two vectors per iteration, interleaved, in ymm0-ymm3 and ymm4-ymm7; ymm8-ymm15 hold eight
 *     constants and the other four (ln2 lo, -c4, c5, -c6) are read from .Lvec as memory operands.
 * Tail (both): one vector at a time with the u1 body, then the last k < 8 values through vmaskmovps
 * with a lane mask read from .Lmask (masked-off lanes load 0 and are not stored).
 */
#include "asm_macros.h"

        .section .rodata
        .p2align 5
.Lconsts:
        .float -87.6                 /*  0: lowest x: n <= 126 */
        .float 88.0                  /*  1: highest x: n >= -127 */
        .long 0xBFB8AA3B             /*  2: -log2(e) */
        .float 12582912.0            /*  3: 1.5 * 2^23 rounds to an integer */
        .long 0x3F317000             /*  4: ln2 hi, low 12 bits clear: n * hi is exact */
        .long 0x3805FDF4             /*  5: ln2 lo = ln2 - hi */
        .float 1.0                   /*  6: 1: c1 of the polynomial, and the bits s is made from */
        /* 7..11: the degree-6 fit of jit/coefficients.cpp (as in sigmoid_f32_exp_p5_nr1_avx512f.S),
           odd powers' signs flipped for the -t' form. */
        .long 0xBEFFFFFE             /*  7: -c2 -0.49999994 */
        .long 0x3E2AAA0D             /*  8:  c3  0.166664317 */
        .long 0xBD2AAC11             /*  9: -c4 -0.0416680016 */
        .long 0x3C0933C1             /* 10:  c5  0.0083741555 */
        .long 0xBAB57398             /* 11: -c6 -0.00138436537 */
        .p2align 5
.Lvec:                               /* the u2 loop's memory operands, full width */
        .rept 8
        .long 0x3805FDF4
        .endr
        .rept 8
        .long 0xBD2AAC11
        .endr
        .rept 8
        .long 0x3C0933C1
        .endr
        .rept 8
        .long 0xBAB57398
        .endr
.Lmask:                              /* 8 lanes on, 8 off: [.Lmask + 4 * (8 - k)] enables k lanes */
        .long -1, -1, -1, -1, -1, -1, -1, -1
        .long 0, 0, 0, 0, 0, 0, 0, 0

#define BCAST(i, reg) vbroadcastss reg, dword ptr [rip + .Lconsts + 4 * i]

/* One vector. The constant operands are macro parameters so that the u1 and u2 register plans share
   the body: LO, HI, L2E (-log2e), MAG (magic), LNH, LNL (ln2 hi, lo), ONE, C2..C6 (as in .Lconsts). */
#define BODY(X, Q, S, A, LO, HI, L2E, MAG, LNH, LNL, ONE, C2, C3, C4, C5, C6)      \
        vmaxps      X, LO, X;                    /* clamp, NaN kept */          \
        vminps      X, HI, X;                                                   \
        vmovaps     Q, MAG;                                                     \
        vfmadd231ps Q, X, L2E;                   /* nb = magic - x log2e */     \
        vpslld      S, Q, 23;                    /* n << 23 */                  \
        vsubps      Q, Q, MAG;                   /* n */                        \
        vpsubd      S, ONE, S;                   /* s = 2^-n */                 \
        vaddps      A, S, ONE;                   /* 1 + s */                    \
        vfmadd231ps X, Q, LNH;                   /* t' = x + n ln2 */           \
        vfmadd231ps X, Q, LNL;                                                  \
        vmovaps     Q, C6;                                                      \
        vfmadd213ps Q, X, C5;                                                   \
        vfmadd213ps Q, X, C4;                                                   \
        vfmadd213ps Q, X, C3;                                                   \
        vfmadd213ps Q, X, C2;                                                   \
        vfmadd213ps Q, X, ONE;                   /* q(-t') */                   \
        vfnmadd213ps Q, X, A;                    /* (1 + s) - t' q(-t') */      \
        vdivps      X, S, Q;

#define BODY_U1(X, Q, S, A) \
        BODY(X, Q, S, A, ymm4, ymm5, ymm6, ymm7, ymm8, ymm9, ymm10, ymm11, ymm12, ymm13, ymm14, ymm15)
#define VEC(i) [rip + .Lvec + 32 * i]
#define BODY_U2(X, Q, S, A) \
        BODY(X, Q, S, A, ymm8, ymm9, ymm12, ymm10, ymm13, VEC(0), ymm11, ymm14, ymm15, VEC(1), VEC(2), VEC(3))

#define LOAD_U1 \
        BCAST(0, ymm4); BCAST(1, ymm5); BCAST(2, ymm6); BCAST(3, ymm7); BCAST(4, ymm8); BCAST(5, ymm9); \
        BCAST(6, ymm10); BCAST(7, ymm11); BCAST(8, ymm12); BCAST(9, ymm13); BCAST(10, ymm14); BCAST(11, ymm15);
#define LOAD_U2 \
        BCAST(0, ymm8); BCAST(1, ymm9); BCAST(3, ymm10); BCAST(6, ymm11); BCAST(2, ymm12); BCAST(4, ymm13); \
        BCAST(7, ymm14); BCAST(8, ymm15);

/* Whatever the main loop left (all of it for u1): whole vectors, then k < 8 values by lane mask.
   Needs the u1 constants in ymm4-ymm15. */
#define TAIL(name)                                                              \
.L##name##_vec:;                                                                \
        cmp         rdx, 8;                                                     \
        jb          .L##name##_part;                                            \
        vmovups     ymm0, [rdi];                                                \
        BODY_U1(ymm0, ymm1, ymm2, ymm3);                                        \
        vmovups     [rsi], ymm0;                                                \
        add         rdi, 32;                                                    \
        add         rsi, 32;                                                    \
        sub         rdx, 8;                                                     \
        jmp         .L##name##_vec;                                             \
.L##name##_part:;                                                               \
        test        rdx, rdx;                                                   \
        jz          .L##name##_done;                                            \
        lea         rax, [rip + .Lmask + 32];                                   \
        shl         rdx, 2;                                                     \
        sub         rax, rdx;                                                   \
        vmovups     ymm3, [rax];                 /* k lanes on */               \
        vmaskmovps  ymm0, ymm3, [rdi];                                          \
        BODY_U1(ymm0, ymm1, ymm2, ymm3);                                        \
        vmovups     ymm3, [rax];                 /* the body used ymm3 */       \
        vmaskmovps  [rsi], ymm3, ymm0;                                          \
.L##name##_done:;                                                               \
        vzeroupper;                                                             \
        ret

FUNCTION(actbench_asm_sigmoid_f32_exp_p6_div_avx2_u1)
        LOAD_U1
        .p2align 5
        TAIL(u1)
END(actbench_asm_sigmoid_f32_exp_p6_div_avx2_u1)

FUNCTION(actbench_asm_sigmoid_f32_exp_p6_div_avx2_u2)
        LOAD_U2
        cmp         rdx, 16
        jb          .Lu2_tail
        .p2align 5
.Lu2_loop:
        vmovups     ymm0, [rdi]
        vmovups     ymm4, [rdi + 32]
        BODY_U2(ymm0, ymm1, ymm2, ymm3)
        BODY_U2(ymm4, ymm5, ymm6, ymm7)
        vmovups     [rsi], ymm0
        vmovups     [rsi + 32], ymm4
        add         rdi, 64
        add         rsi, 64
        sub         rdx, 16
        cmp         rdx, 16
        jae         .Lu2_loop
.Lu2_tail:
        LOAD_U1
        TAIL(u2)
END(actbench_asm_sigmoid_f32_exp_p6_div_avx2_u2)

NOTE_GNU_STACK
