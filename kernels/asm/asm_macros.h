/* Shared by the hand-written kernels: GNU as, Intel syntax, System V AMD64 ABI.
   Every kernel is  void fn(const T* in, T* out, size_t n)  with in = rdi, out = rsi, n = rdx;
   rax, rcx, r8-r11 and all vector registers are caller-saved and free to use. */
#pragma once

        .intel_syntax noprefix

#define FUNCTION(name)            \
        .text;                    \
        .globl name;              \
        .type name, @function;    \
        .p2align 5;               \
name:                             \
        endbr64

#define END(name) .size name, .-name

/* The loop of the scalar kernels: ONE(offset) handles the value at [rdi + offset] -> [rsi + offset];
   four per iteration, then one at a time for the rest. */
#define SCALAR_LOOP_U4(ONE)               \
        cmp     rdx, 4;                   \
        jb      8f;                       \
        .p2align 4;                       \
7:      ONE(0) ONE(4) ONE(8) ONE(12)      \
        add     rdi, 16;                  \
        add     rsi, 16;                  \
        sub     rdx, 4;                   \
        cmp     rdx, 4;                   \
        jae     7b;                       \
8:      test    rdx, rdx;                 \
        jz      9f;                       \
6:      ONE(0)                            \
        add     rdi, 4;                   \
        add     rsi, 4;                   \
        dec     rdx;                      \
        jnz     6b;                       \
9:

/* Marks the stack non-executable for the linker. */
#define NOTE_GNU_STACK .section .note.GNU-stack, "", @progbits
