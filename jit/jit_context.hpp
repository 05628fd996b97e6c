// The JIT context: assembles with asmjit, throws with the failing instruction on any encoding
// error, keeps a log of the generated code for `actbench disasm`, and maps the result into memory
// that is writable while it is copied and executable afterwards, never both at once.
#pragma once

#include <asmjit/x86.h>

#include <cstddef>
#include <functional>
#include <stdexcept>
#include <string>

namespace actbench::jit {

class JitError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct GeneratedCode {
  void* entry = nullptr;
  std::size_t size = 0;
  std::string listing;  // asmjit's log of the emitted instructions
};

// Emits a function with `emit` and makes it executable. The memory lives as long as the process
// (kernels are obtained once and cached by the registry).
GeneratedCode assemble(const std::string& name, const std::function<void(asmjit::x86::Assembler&)>& emit);

}  // namespace actbench::jit
