// The loops every elementwise JIT kernel shares, written once against the emitter. Signature:
// void fn(const T* in (rdi), T* out (rsi), size_t n (rdx)), System V ABI.
//
// Throughput function: `unroll` vectors per iteration (loaded, transformed by the body, stored),
// then one vector at a time, then the tail: AVX-512 by a lane mask (k1); narrower ISAs copy the
// tail into a zeroed stack buffer, transform a whole vector there and copy back only the tail.
//
// Latency function: one value at a time, each made dependent on the previous result while it is
// still in a register: v = (v & 0) ^ x (one vpternlogd on AVX-512, andps + xorps elsewhere), then
// the body, then a store that nothing waits for. With an empty body the same loop measures the
// dependency's own cost, which the bench subtracts.
#pragma once

#include <asmjit/x86.h>

#include <array>
#include <cstdint>
#include <functional>
#include <vector>

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

// Register plan. Values: ids 0..kMaxUnroll-1. Temporaries the body may clobber: kTemp..,
// (kTempCount of them). Constants held in registers: kConstBase.. (AVX-512 only; other ISAs read
// constants from memory). k1 belongs to the loop; k2..k7 to the body.
struct RegPlan {
  int max_unroll, temp_base, temp_count, const_base, const_regs;
  static RegPlan of(Isa isa);
};

// Constants a body needs, broadcast to full vector width in a pool after the code. An operand is
// a register (AVX-512, first const_regs constants) or a RIP-relative memory operand.
class ConstPool {
 public:
  ConstPool(Isa isa, DType dtype);
  int add(double value);          // index of a constant (deduplicated)
  int add_bits(std::uint64_t bits);  // the same, from a bit pattern of the dtype
  int add_block(const void* data);   // a whole 64-byte vector of distinct values (a small table)
  asmjit::Operand op(int index) const;
  asmjit::x86::Mem mem(int index) const;  // always the pool's memory copy (a load, not an ALU move)
  asmjit::x86::Vec reg(int index) const;  // only for constants that live in registers
  // A table embedded after the code (read-only once the code is mapped); its label exists after bind().
  int add_table(const void* data, std::size_t bytes);
  asmjit::Label table_label(int index) const { return table_labels_[static_cast<std::size_t>(index)]; }
  bool in_register(int index) const;
  // Loads register constants (prologue) and, after the code, embeds the pool (epilogue).
  void emit_loads(asmjit::x86::Assembler& a);
  void emit_data(asmjit::x86::Assembler& a);
  void bind(asmjit::x86::Assembler& a);  // creates the pool label; call before any op()

 private:
  Isa isa_;
  DType dtype_;
  RegPlan plan_;
  std::vector<std::array<unsigned char, 64>> blocks_;
  asmjit::Label label_;
  std::vector<std::vector<unsigned char>> tables_;
  std::vector<asmjit::Label> table_labels_;
};

using PrologueEmitter = std::function<void(asmjit::x86::Assembler&)>;
using BodyEmitter = std::function<void(asmjit::x86::Assembler&, const asmjit::x86::Vec& v)>;

void emit_stream_function(asmjit::x86::Assembler& a, const StreamShape& shape, const PrologueEmitter& prologue,
                          const BodyEmitter& body, ConstPool* pool = nullptr);
void emit_latency_function(asmjit::x86::Assembler& a, const StreamShape& shape, const PrologueEmitter& prologue,
                           const BodyEmitter& body, ConstPool* pool = nullptr);

}  // namespace actbench::jit
