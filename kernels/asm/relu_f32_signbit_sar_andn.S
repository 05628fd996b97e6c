/* void actbench_asm_relu_f32_signbit_sar_andn_u4(const float* in, float* out, size_t n);
 *
 * Branchless scalar ReLU: mask = bits >> 31 (arithmetic: all ones for a negative value), then
 * andn keeps the bits where the mask is clear. Needs BMI1 (andn).
 * Registers: rdi in, rsi out, rdx values left; eax/r8d/r9d/r10d the values, ecx/r11d masks.
 * Per iteration: 4 values, 4 independent chains of load, mov, sar, andn, store. */
#include "asm_macros.h"

#define ONE(off, v, m)                      \
        mov     v, dword ptr [rdi + off];   \
        mov     m, v;                       \
        sar     m, 31;                      \
        andn    v, m, v;                    \
        mov     dword ptr [rsi + off], v;

FUNCTION(actbench_asm_relu_f32_signbit_sar_andn_u4)
        cmp     rdx, 4
        jb      .Ltail
        .p2align 4
.Lloop:
        ONE(0, eax, ecx)
        ONE(4, r8d, r11d)
        ONE(8, r9d, ecx)
        ONE(12, r10d, r11d)
        add     rdi, 16
        add     rsi, 16
        sub     rdx, 4
        cmp     rdx, 4
        jae     .Lloop
.Ltail:
        test    rdx, rdx
        jz      .Ldone
.Lone:
        ONE(0, eax, ecx)
        add     rdi, 4
        add     rsi, 4
        dec     rdx
        jnz     .Lone
.Ldone:
        ret
END(actbench_asm_relu_f32_signbit_sar_andn_u4)

NOTE_GNU_STACK
