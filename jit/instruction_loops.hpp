// Loops of one instruction, for known-answer calibration and the instruction study:
// void loop(uint64_t blocks) runs `blocks` blocks of 100 copies of the instruction, either as one
// dependent chain through a register (latency) or round-robin over 10 independent registers
// (reciprocal throughput).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

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

// Instructions this generator knows: add, imul (r64); vaddps, vmaxps, vandps (ymm, zmm).
// Throws JitError for an unknown instruction or width.
InstructionLoop make_instruction_loop(const std::string& instruction, const std::string& width, LoopKind kind);

}  // namespace actbench::jit
