/* void actbench_asm_sigmoid_f32_expf_call(const float* in, float* out, size_t n);
 *
 * The cost of a libm call, measured: per value, xmm0 = -x, call expf (glibc, through the PLT),
 * then 1 / (1 + e) with addss and divss.
 * Registers: callee-saved rbx = in, r12 = out, r13 = values left (they survive the calls);
 * the stack is kept 16-byte aligned at every call (three pushes after the return address). */
#include "asm_macros.h"

        .section .rodata
        .p2align 4
.Lsign:  .long 0x80000000
.Lone:   .float 1.0

FUNCTION(actbench_asm_sigmoid_f32_expf_call)
        push        rbx
        push        r12
        push        r13
        mov         rbx, rdi
        mov         r12, rsi
        mov         r13, rdx
        test        r13, r13
        jz          .Ldone
.Lloop:
        movss       xmm0, dword ptr [rbx]
        xorps       xmm0, xmmword ptr [rip + .Lsign]  /* 16 aligned bytes; only the low lane matters */
        call        expf@PLT
        addss       xmm0, dword ptr [rip + .Lone]
        movss       xmm1, dword ptr [rip + .Lone]
        divss       xmm1, xmm0
        movss       dword ptr [r12], xmm1
        add         rbx, 4
        add         r12, 4
        dec         r13
        jnz         .Lloop
.Ldone:
        pop         r13
        pop         r12
        pop         rbx
        ret
END(actbench_asm_sigmoid_f32_expf_call)

NOTE_GNU_STACK
