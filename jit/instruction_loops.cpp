#include "jit/instruction_loops.hpp"

#include "jit/jit_context.hpp"

namespace actbench::jit {

using namespace asmjit;

namespace {

constexpr int kChains = 10;  // independent chains in throughput loops: more than any port count

x86::Vec vec(const std::string& width, int id) { return width == "zmm" ? x86::Vec(x86::zmm(id)) : x86::Vec(x86::ymm(id)); }

}  // namespace

InstructionLoop make_instruction_loop(const std::string& instruction, const std::string& width, LoopKind kind) {
  InstructionLoop out{instruction, width, kind};
  const std::string name = "loop/" + instruction + "/" + width + (kind == LoopKind::latency ? "/lat" : "/tput");
  const bool gp = width == "r64";
  if (gp && instruction != "add" && instruction != "imul")
    throw JitError("no r64 form of " + instruction + " in the instruction loops");
  if (!gp && (width != "ymm" && width != "zmm"))
    throw JitError("width '" + width + "' of " + instruction + " is not generated (ymm, zmm)");
  if (!gp && instruction != "vaddps" && instruction != "vmaxps" && instruction != "vandps")
    throw JitError("instruction '" + instruction + "' has no loop generator yet");

  // rdi counts blocks, r11 holds the addend; seven caller-saved registers carry the gp chains
  // (enough for 5 adds or 1 imul per cycle), ymm/zmm 0-9 the vector chains, 10 the operand.
  constexpr int kGpChains = 7;
  const x86::Gp gp_regs[kGpChains] = {x86::rax, x86::rcx, x86::rdx, x86::rsi, x86::r8, x86::r9, x86::r10};
  auto code = assemble(name, [&](x86::Assembler& a) {
    Label loop = a.newLabel();
    if (gp) {
      for (const x86::Gp& r : gp_regs) a.mov(r, 1);
      a.mov(x86::r11, 1);
    } else {
      for (int i = 0; i <= kChains; ++i) a.vxorps(x86::xmm(i), x86::xmm(i), x86::xmm(i));
    }
    a.align(AlignMode::kCode, 64);
    a.bind(loop);
    for (int i = 0; i < InstructionLoop::kPerBlock; ++i) {
      const int c = kind == LoopKind::latency ? 0 : i % (gp ? kGpChains : kChains);
      if (gp) {
        // The addend is a register: renamers fold add-immediate chains (see counters/tsc_clock.cpp).
        const x86::Gp dst = gp_regs[c];
        if (instruction == "add") a.add(dst, x86::r11);
        else a.imul(dst, dst);
      } else {
        const x86::Vec dst = vec(width, c), src = vec(width, kChains);
        if (instruction == "vaddps") a.vaddps(dst, dst, src);
        else if (instruction == "vmaxps") a.vmaxps(dst, dst, src);
        else a.vandps(dst, dst, src);
      }
    }
    a.dec(x86::rdi);
    a.jnz(loop);
    if (!gp) a.vzeroupper();
    a.ret();
  });
  out.fn = reinterpret_cast<void (*)(std::uint64_t)>(code.entry);
  out.listing = code.listing;
  return out;
}

}  // namespace actbench::jit
