// The loop every elementwise JIT kernel shares, written once against the emitter:
// void fn(const T* in (rdi), T* out (rsi), size_t n (rdx)), System V ABI.
//   main loop: `unroll` vectors per iteration, each loaded, transformed by the body, stored;
//   then one vector at a time; then the tail: AVX-512 by a lane mask (k1), narrower ISAs one
//   element at a time through the body's scalar form.
#pragma once

#include <asmjit/x86.h>

#include <functional>

#include "kernels/kernel_name.hpp"

namespace actbench::jit {

struct StreamShape {
  Isa isa = Isa::avx512f;
  DType dtype = DType::f32;
  int unroll = 1;
};

int lanes(Isa isa, DType dtype);
asmjit::x86::Vec vreg(Isa isa, int id);  // xmm/ymm/zmm number id at the ISA's width
bool uses_vex(Isa isa);

// Emits whatever the body needs once (constants) before the loop.
using PrologueEmitter = std::function<void(asmjit::x86::Assembler&)>;
// Transforms v in place. `scalar` is true in the element-at-a-time tail of non-AVX-512 ISAs,
// where v is an xmm holding one element (use the ss/sd form of the instruction).
using BodyEmitter = std::function<void(asmjit::x86::Assembler&, const asmjit::x86::Vec& v, bool scalar)>;

// Registers the body may use: vreg(isa, 0..unroll-1) hold the values; ids 24.. (AVX-512) or
// 12.. (others) are free for the body's constants.
void emit_stream_function(asmjit::x86::Assembler& a, const StreamShape& shape, const PrologueEmitter& prologue,
                          const BodyEmitter& body);

}  // namespace actbench::jit
