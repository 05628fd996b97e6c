// The main loop of a kernel's code: the instructions between a label and the backward branch to
// it that closes the first loop of the listing. `actbench disasm` counts them and `actbench
// predict` hands them to llvm-mca. Works on asmjit listings and on objdump -M intel output.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kernels/kernel.hpp"

namespace actbench::jit {

struct MainLoop {
  std::string label;
  std::vector<std::string> body;  // instructions, comments and addresses stripped, back edge last
  int values_per_iteration = 0;   // unroll x lanes, from the kernel's name and ISA
};

// asmjit listing: "L0:" labels, "jae L0" back edges. nullopt if there is no loop.
std::optional<MainLoop> main_loop_of_listing(const Kernel& k, const std::string& listing);
// objdump -d -M intel --no-show-raw-insn output of one function.
std::optional<MainLoop> main_loop_of_objdump(const Kernel& k, const std::string& objdump);

int values_per_iteration(const Kernel& k);

}  // namespace actbench::jit
