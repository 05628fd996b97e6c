/* void actbench_asm_relu_f32_signbit_sar_andn_u4(const float* in, float* out, size_t n);
 *
 * Branchless scalar ReLU: mask = bits >> 31 (arithmetic: all ones for a negative value), then
 * andn keeps the bits where the mask is clear. Needs BMI1 (andn).
 * Registers: rdi in, rsi out, rdx values left; eax the value, ecx the mask.
 * Per iteration: 4 values of load, mov, sar, andn, store (SCALAR_LOOP_U4 in asm_macros.h); the
 * renamer makes the four uses of eax/ecx independent chains. */
#include "asm_macros.h"

#define ONE(off)                            \
        mov     eax, dword ptr [rdi + off]; \
        mov     ecx, eax;                   \
        sar     ecx, 31;                    \
        andn    eax, ecx, eax;              \
        mov     dword ptr [rsi + off], eax;

FUNCTION(actbench_asm_relu_f32_signbit_sar_andn_u4)
        SCALAR_LOOP_U4(ONE)
        ret
END(actbench_asm_relu_f32_signbit_sar_andn_u4)

NOTE_GNU_STACK
