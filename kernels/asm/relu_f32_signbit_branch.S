/* void actbench_asm_relu_f32_signbit_branch_u4(const float* in, float* out, size_t n);
 *
 * ReLU by a real branch on the sign bit, for the branch-prediction study: the cost depends on
 * how predictable the signs are.
 * Registers: rdi in, rsi out, rdx values left, eax the value's bits, ecx zero.
 * Per iteration: 4 values, each  test eax, eax / js  around a store of x or of 0
 * (SCALAR_LOOP_U4 in asm_macros.h), then one value at a time for the n % 4 left. */
#include "asm_macros.h"

#define ONE(off)                            \
        mov     eax, dword ptr [rdi + off]; \
        test    eax, eax;                   \
        js      1f;                         \
        mov     dword ptr [rsi + off], eax; \
        jmp     2f;                         \
1:      mov     dword ptr [rsi + off], ecx; \
2:

FUNCTION(actbench_asm_relu_f32_signbit_branch_u4)
        xor     ecx, ecx
        SCALAR_LOOP_U4(ONE)
        ret
END(actbench_asm_relu_f32_signbit_branch_u4)

NOTE_GNU_STACK
