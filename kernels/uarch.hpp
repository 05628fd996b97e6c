// Which microarchitecture a CPU is, from CPUID, in a way that survives a hypervisor that masks or
// rewrites the model number: the model table gives a first answer, the ISA extensions (which a
// guest cannot have unless the core has them) check it, and they win where the two disagree.
#pragma once

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <vector>

namespace actbench {

struct CpuidLeaf {
  std::uint32_t leaf = 0, subleaf = 0, eax = 0, ebx = 0, ecx = 0, edx = 0;
};

// The leaves identify_uarch reads: 0, 1, 7.0, 7.1, 0x80000000-0x80000004.
struct CpuidDump {
  std::vector<CpuidLeaf> leaves;
  const CpuidLeaf* find(std::uint32_t leaf, std::uint32_t subleaf = 0) const;
};

CpuidDump host_cpuid_dump();
// Text, one leaf per line: "<leaf hex> <subleaf dec> <eax> <ebx> <ecx> <edx>" (hex), '#' comments.
// Throws std::invalid_argument naming `source` and the line when a line is malformed.
CpuidDump parse_cpuid_dump(std::istream& in, const std::string& source);

struct Uarch {
  std::string name;            // e.g. "Sapphire Rapids (Golden Cove)"; "unknown" when undecided
  std::string how;             // how it was decided, in words
  std::string llvm_cpu;        // -mcpu for llvm-mca; empty when there is none
  std::string timings_column;  // instruction-timings.csv uarch column (SPR, GLC, ICX, ZEN4); empty if none
  std::string vendor;
  unsigned family = 0, model = 0, stepping = 0;
};

Uarch identify_uarch(const CpuidDump& dump);

}  // namespace actbench
