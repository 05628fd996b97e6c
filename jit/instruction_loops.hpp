// Loops of one instruction, for known-answer calibration and the instruction study (nanoBench
// style): void loop(uint64_t blocks) runs `blocks` blocks of 100 copies of the instruction, either
// as one dependent chain through its destination (latency) or round-robin over independent
// registers (reciprocal throughput). The caller takes the N/2N difference, so the loop's own
// cost cancels.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kernels/cpu_features.hpp"

namespace actbench::jit {

enum class LoopKind { latency, throughput };

struct InstructionLoop {
  std::string instruction;  // e.g. "vaddps"
  std::string width;        // "r64", "xmm", "ymm", "zmm"
  LoopKind kind;
  void (*fn)(std::uint64_t blocks) = nullptr;
  std::string listing;
  static constexpr int kPerBlock = 100;
};

// One instruction at one width, as the study measures it.
struct InstructionForm {
  std::string instruction, width;
  FeatureSet needs;
  bool latency = true;  // false: no chain through a destination (a branch)
  std::string note;     // how the chain is closed where the instruction cannot feed itself
};

// 512-bit floating-point arithmetic (FMA/adder/divider units, conversions, rounding, max/min):
// what lowers an AVX-512 core's clock, unlike logic, shifts, shuffles, blends and loads. Decided
// by measurement on the development VM: under this load's clock these read their published
// figures (vmaxps 4.0, vfmadd231ps 4.0 and 0.49, vdivps 10.0 throughput); vrcp14ps does so under
// the scalar clock (6.0 and 2.0), so it is not in the set.
bool is_avx512_fp(const std::string& mnemonic);

// Every form the generator emits: the instructions the JIT and asm kernels use, at the widths
// they use them.
const std::vector<InstructionForm>& instruction_forms();

// Throws JitError for an instruction or width the generator does not know. Forms the CPU lacks
// still generate (for inspection); running them is the caller's check (InstructionForm::needs).
InstructionLoop make_instruction_loop(const std::string& instruction, const std::string& width, LoopKind kind);

}  // namespace actbench::jit
