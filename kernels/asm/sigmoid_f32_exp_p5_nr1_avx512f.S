/* void actbench_asm_sigmoid_f32_exp_p5_nr1_avx512f_u2(const float* in, float* out, size_t n);
 * void actbench_asm_sigmoid_f32_exp_p6_nr1_avx512f_u2(const float* in, float* out, size_t n);
 *
 * sigmoid(x) = 1 / (1 + exp(-x)), 16 lanes, x clamped to [-88, 104] (NaN kept: it is the second
 * operand of the clamps). exp(z), z = -x: n = round(z log2e), t = z - n ln2 (two constants),
 * exp(t) by a degree-5 or degree-6 polynomial, times 2^n by vscalefps (so tiny results underflow gracefully).
 * Every sign flip is folded into the constants: with t' = x + n ln2 = -t the polynomial is taken
 * at -t' (odd coefficients negated). Reciprocal: vrcp14ps and one Newton-Raphson step.
 * Registers: rdi in, rsi out, rdx values left; zmm16-zmm27 constants (loaded once, see
 * .Lconsts); per vector v: x/t' in zmm0|zmm8, nb/n in zmm1|zmm9, q in zmm2|zmm10, d in zmm3|zmm11.
 * Per iteration: 2 vectors (32 values), interleaved so the two dependency chains overlap.
 * Tail: a lane-masked vector. */
#include "asm_macros.h"

        .section .rodata
        .p2align 6
.Lconsts:
        .float -88.0                 /* zmm16: lowest x */
        .float 104.0                 /* zmm17: highest x */
        .long 0xBFB8AA3B             /* zmm18: -log2(e), so n comes from x directly */
        .float 12582912.0            /* zmm19: 1.5 * 2^23 rounds to an integer */
        .long 0x3F317000             /* zmm20: ln2 hi, low 12 bits clear: n * hi is exact */
        .long 0x3805FDF4             /* zmm21: ln2 lo = ln2 - hi, 3.19461833e-05 */
        .float 1.0                   /* zmm22 */
        /* zmm23..zmm27: exp(t) ~ 1 + t (c1 + c2 t + ... + c5 t^4) on |t| <= ln2/2, near-minimax
           in relative error, with the odd powers' signs flipped for the -t' form. These are the
           values jit/coefficients.cpp fits for degree 5 (printed once and pasted here). */
        .long 0x3F7FFFFB             /* zmm23:  c1  0.999999702 */
        .long 0xBEFFFEE3             /* zmm24: -c2 -0.499991506 */
        .long 0x3E2AAD35             /* zmm25:  c3  0.166676357 */
        .long 0xBD2B9D2A             /* zmm26: -c4 -0.0418979302 */
        .long 0x3C07D419             /* zmm27:  c5  0.00829031412 */
        /* The degree-6 fit, for the p6 function (zmm23..zmm28 there). */
.Lconsts_p6:
        .long 0x3F800000             /* zmm23:  c1  1 */
        .long 0xBEFFFFFE             /* zmm24: -c2 -0.49999994 */
        .long 0x3E2AAA0D             /* zmm25:  c3  0.166664317 */
        .long 0xBD2AAC11             /* zmm26: -c4 -0.0416680016 */
        .long 0x3C0933C1             /* zmm27:  c5  0.0083741555 */
        .long 0xBAB57398             /* zmm28: -c6 -0.00138436537 */

#define BCAST(i, reg) vbroadcastss reg, dword ptr [rip + .Lconsts + 4 * i]

/* q = c5' (p5), or q = c6' t' + c5' (p6): the top of the Horner scheme. */
#define TOP_P5(x, q) vmovaps q, zmm27;
#define TOP_P6(x, q) vmovaps q, zmm28; vfmadd213ps q, x, zmm27;

#define BODY(TOP, x, nb, q, d)                                                  \
        vmaxps      x, zmm16, x;                 /* clamp, NaN kept */          \
        vminps      x, zmm17, x;                                                \
        vmovaps     nb, zmm19;                                                  \
        vfmadd231ps nb, x, zmm18;                /* nb = magic - x log2e */     \
        vsubps      nb, nb, zmm19;               /* n */                        \
        vfmadd231ps x, nb, zmm20;                /* t' = x + n ln2 */           \
        vfmadd231ps x, nb, zmm21;                                              \
        TOP(x, q)                                                               \
        vfmadd213ps q, x, zmm26;                                                \
        vfmadd213ps q, x, zmm25;                                                \
        vfmadd213ps q, x, zmm24;                                                \
        vfmadd213ps q, x, zmm23;                 /* q(-t') */                   \
        vfnmadd213ps q, x, zmm22;                /* 1 - t' q(-t') = exp(t) */   \
        vscalefps   q, q, nb;                    /* exp(z) */                   \
        vaddps      d, q, zmm22;                 /* 1 + exp(-x) */              \
        vrcp14ps    x, d;                                                       \
        vfnmadd213ps d, x, zmm22;                /* 1 - d r */                  \
        vfmadd231ps x, x, d;                     /* r + r (1 - d r) */

#define LOAD_P5 BCAST(7, zmm23); BCAST(8, zmm24); BCAST(9, zmm25); BCAST(10, zmm26); BCAST(11, zmm27);
#define PCAST(i, reg) vbroadcastss reg, dword ptr [rip + .Lconsts_p6 + 4 * i]
#define LOAD_P6 PCAST(0, zmm23); PCAST(1, zmm24); PCAST(2, zmm25); PCAST(3, zmm26); PCAST(4, zmm27); PCAST(5, zmm28);

#define SIGMOID_FUNCTION(name, TOP, LOAD_POLY) \
FUNCTION(name); \
        BCAST(0, zmm16); \
        BCAST(1, zmm17); \
        BCAST(2, zmm18); \
        BCAST(3, zmm19); \
        BCAST(4, zmm20); \
        BCAST(5, zmm21); \
        BCAST(6, zmm22); \
        LOAD_POLY; \
        cmp         rdx, 32; \
        jb          .L##name##_vec; \
        .p2align 5; \
.L##name##_loop:; \
        vmovups     zmm0, [rdi]; \
        vmovups     zmm8, [rdi + 64]; \
        BODY(TOP, zmm0, zmm1, zmm2, zmm3); \
        BODY(TOP, zmm8, zmm9, zmm10, zmm11); \
        vmovups     [rsi], zmm0; \
        vmovups     [rsi + 64], zmm8; \
        add         rdi, 128; \
        add         rsi, 128; \
        sub         rdx, 32; \
        cmp         rdx, 32; \
        jae         .L##name##_loop; \
.L##name##_vec:; \
        test        rdx, rdx; \
        jz          .L##name##_done; \
        mov         eax, -1                      /* k1: min(n, 16) lanes */; \
        cmp         rdx, 16; \
        jae         1f; \
        mov         eax, 1; \
        shlx        eax, eax, edx; \
        dec         eax; \
1:      kmovw       k1, eax; \
        vmovups     zmm0{k1}{z}, [rdi]; \
        BODY(TOP, zmm0, zmm1, zmm2, zmm3); \
        vmovups     [rsi]{k1}, zmm0; \
        add         rdi, 64; \
        add         rsi, 64; \
        sub         rdx, 16; \
        ja          .L##name##_vec; \
.L##name##_done:; \
        vzeroupper; \
        ret; \
END(name)

SIGMOID_FUNCTION(actbench_asm_sigmoid_f32_exp_p5_nr1_avx512f_u2, TOP_P5, LOAD_P5)
SIGMOID_FUNCTION(actbench_asm_sigmoid_f32_exp_p6_nr1_avx512f_u2, TOP_P6, LOAD_P6)

NOTE_GNU_STACK
