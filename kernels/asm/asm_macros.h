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

/* Marks the stack non-executable for the linker. */
#define NOTE_GNU_STACK .section .note.GNU-stack, "", @progbits
