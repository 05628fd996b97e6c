#include "jit/jit_context.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <cstring>

namespace actbench::jit {
namespace {

class ThrowingErrorHandler : public asmjit::ErrorHandler {
 public:
  explicit ThrowingErrorHandler(std::string kernel) : kernel_(std::move(kernel)) {}
  void handleError(asmjit::Error err, const char* message, asmjit::BaseEmitter*) override {
    // The message from the assembler names the instruction it could not encode.
    throw JitError("JIT " + kernel_ + ": " + asmjit::DebugUtils::errorAsString(err) + ": " + message);
  }

 private:
  std::string kernel_;
};

}  // namespace

GeneratedCode assemble(const std::string& name, const std::function<void(asmjit::x86::Assembler&)>& emit) {
  using namespace asmjit;
  CodeHolder code;
  code.init(Environment::host());
  ThrowingErrorHandler handler(name);
  code.setErrorHandler(&handler);
  StringLogger logger;
  logger.addFlags(FormatFlags::kMachineCode);
  code.setLogger(&logger);

  x86::Assembler a(&code);
#ifndef NDEBUG
  a.addDiagnosticOptions(DiagnosticOptions::kValidateAssembler);
#endif
  emit(a);

  if (Error e = code.flatten()) throw JitError("JIT " + name + ": flatten: " + DebugUtils::errorAsString(e));
  if (Error e = code.resolveUnresolvedLinks())
    throw JitError("JIT " + name + ": unresolved label: " + DebugUtils::errorAsString(e));
  const std::size_t size = code.codeSize();
  const std::size_t page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  const std::size_t mapped = (size + page - 1) / page * page;
  void* mem = mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mem == MAP_FAILED) throw JitError("JIT " + name + ": mmap failed: " + std::strerror(errno));
  if (Error e = code.relocateToBase(reinterpret_cast<std::uint64_t>(mem)))
    throw JitError("JIT " + name + ": relocate: " + DebugUtils::errorAsString(e));
  code.copyFlattenedData(mem, size, CopySectionFlags::kPadTargetBuffer);
  if (mprotect(mem, mapped, PROT_READ | PROT_EXEC) != 0)
    throw JitError("JIT " + name + ": mprotect failed: " + std::strerror(errno));
  return {mem, size, std::string(logger.data(), logger.dataSize())};
}

}  // namespace actbench::jit
