#include "jit/instruction_loops.hpp"

#include "jit/jit_context.hpp"

namespace actbench::jit {

using namespace asmjit;

namespace {

using F = Feature;

constexpr int kChains = 10;  // independent chains in throughput loops: more than any port count
constexpr int kGpChains = 7;

const char* const kPair = "the chain is closed with vpmovm2d (mask back to vector): the figure is the pair";
const char* const kGather = "two registers alternate as index and destination (a gather cannot write its index); "
                            "the all-ones mask is rewritten before each gather, off the chain";

}  // namespace

bool is_avx512_fp(const std::string& m) {
  static const char* const fp[] = {"vfmadd", "vfmsub", "vfnmadd", "vfnmsub", "vmulps", "vaddps", "vsubps",
                                   "vdivps", "vmaxps", "vminps", "vscalefps", "vrndscaleps",
                                   "vcvtps2dq", "vcvtdq2ps", "vmulpd", "vaddpd", "vsubpd", "vdivpd", "vmaxpd",
                                   "vminpd", "vscalefpd", "vrndscalepd", "vcvtpd"};
  for (const char* p : fp)
    if (m.rfind(p, 0) == 0) return true;
  return false;
}

const std::vector<InstructionForm>& instruction_forms() {
  static const std::vector<InstructionForm> forms = [] {
    std::vector<InstructionForm> v;
    auto vec = [&](const std::string& ins, std::initializer_list<const char*> widths, FeatureSet xy_needs,
                   FeatureSet z_needs = {F::avx512f}, std::string note = "") {
      for (const char* w : widths)
        v.push_back({ins, w, std::string(w) == "zmm" ? z_needs : xy_needs, true, note});
    };
    v.push_back({"add", "r64", {}, true, ""});
    v.push_back({"imul", "r64", {}, true, ""});
    v.push_back({"sar", "r64", {}, true, ""});
    v.push_back({"andn", "r64", {F::bmi1}, true, ""});
    v.push_back({"test+js", "r64", {}, false, "a not-taken branch on the sign: throughput only"});
    vec("vmaxps", {"xmm", "ymm", "zmm"}, {F::avx});
    vec("vandps", {"xmm", "ymm", "zmm"}, {F::avx}, {F::avx512dq});
    vec("vandnps", {"xmm", "ymm"}, {F::avx});
    vec("vpandnd", {"zmm"}, {}, {F::avx512f});
    vec("vpsrad", {"xmm", "ymm", "zmm"}, {F::avx2});
    vec("vpmaxsd", {"xmm", "ymm", "zmm"}, {F::avx2});
    vec("vblendvps", {"xmm", "ymm"}, {F::avx});
    vec("vblendmps", {"zmm"}, {}, {F::avx512f});
    vec("vpmovd2m", {"zmm"}, {}, {F::avx512dq}, kPair);
    vec("vfpclassps", {"zmm"}, {}, {F::avx512dq}, kPair);
    vec("vfmadd231ps", {"xmm", "ymm", "zmm"}, {F::fma});
    vec("vmulps", {"xmm", "ymm", "zmm"}, {F::avx});
    vec("vaddps", {"xmm", "ymm", "zmm"}, {F::avx});
    vec("vdivps", {"xmm", "ymm", "zmm"}, {F::avx});
    vec("vrcpps", {"xmm", "ymm"}, {F::avx});
    vec("vrcp14ps", {"zmm"}, {}, {F::avx512f});
    vec("vscalefps", {"zmm"}, {}, {F::avx512f});
    vec("vroundps", {"xmm", "ymm"}, {F::avx});
    vec("vrndscaleps", {"zmm"}, {}, {F::avx512f});
    vec("vcvtps2dq", {"xmm", "ymm", "zmm"}, {F::avx});
    vec("vpermps", {"ymm", "zmm"}, {F::avx2});
    vec("vpermt2ps", {"zmm"}, {}, {F::avx512f});
    vec("vgatherdps", {"ymm", "zmm"}, {F::avx2}, {F::avx512f}, kGather);
    return v;
  }();
  return forms;
}

InstructionLoop make_instruction_loop(const std::string& instruction, const std::string& width, LoopKind kind) {
  const InstructionForm* form = nullptr;
  for (const auto& f : instruction_forms())
    if (f.instruction == instruction && f.width == width) form = &f;
  if (!form) {
    bool known = false;
    for (const auto& f : instruction_forms()) known |= f.instruction == instruction;
    throw JitError(known ? "instruction '" + instruction + "' is not generated at width '" + width + "'"
                         : "instruction '" + instruction + "' has no loop generator");
  }
  if (kind == LoopKind::latency && !form->latency)
    throw JitError(instruction + " has no latency loop: " + form->note);
  InstructionLoop out{instruction, width, kind};
  const std::string name = "loop/" + instruction + "/" + width + (kind == LoopKind::latency ? "/lat" : "/tput");
  const bool gp = width == "r64", lat = kind == LoopKind::latency;
  const bool gather = instruction == "vgatherdps";

  // rdi counts blocks, r11 holds the operand; seven caller-saved registers carry the gp chains
  // (enough for 5 adds or 1 imul per cycle). Vector chains live in 0-9 and start at 1.0f; 10
  // holds 1.0f (the operand: max, and, mul, div keep a chain at 1.0), 11 zero (the addend: add
  // and fma keep it at 1.0; the blend mask; the permute index), k1-k7 masks. Values that stay
  // normal numbers keep microcode assists for denormals out of every figure.
  const x86::Gp gp_regs[kGpChains] = {x86::rax, x86::rcx, x86::rdx, x86::rsi, x86::r8, x86::r9, x86::r10};
  auto v = [&](int id) -> x86::Vec {
    if (width == "zmm") return x86::zmm(id);
    if (width == "ymm") return x86::ymm(id);
    return x86::xmm(id);
  };
  auto code = assemble(name, [&](x86::Assembler& a) {
    Label loop = a.newLabel();
    if (gp) {
      for (const x86::Gp& r : gp_regs) a.mov(r, 1);
      a.mov(x86::r11, 1);
    } else {
      a.mov(x86::eax, 0x3f800000);
      a.vmovd(x86::xmm10, x86::eax);
      a.vpshufd(x86::xmm10, x86::xmm10, 0);  // AVX only, so xmm and ymm forms run on AVX machines
      if (width == "ymm") a.vinsertf128(x86::ymm10, x86::ymm10, x86::xmm10, 1);
      if (width == "zmm") a.vbroadcastss(x86::zmm10, x86::xmm10);
      a.vxorps(x86::xmm11, x86::xmm11, x86::xmm11);
      for (int i = 0; i < kChains; ++i) {
        if (gather) a.vxorps(x86::xmm(i), x86::xmm(i), x86::xmm(i));  // index 0 into a zeroed table
        else a.vmovaps(v(i), v(10));
      }
      if (width == "zmm") a.kxnorw(x86::k1, x86::k1, x86::k1);
      if (gather) {  // 64 zero bytes on the stack: every index is 0
        a.sub(x86::rsp, 128);
        a.vxorps(x86::xmm12, x86::xmm12, x86::xmm12);
        a.vmovups(x86::ptr(x86::rsp), x86::ymm12);
        a.vmovups(x86::ptr(x86::rsp, 32), x86::ymm12);
      }
    }
    a.align(AlignMode::kCode, 64);
    a.bind(loop);
    for (int i = 0; i < InstructionLoop::kPerBlock; ++i) {
      if (gp) {
        const x86::Gp dst = gp_regs[lat ? 0 : i % kGpChains];
        // The operand is a register: renamers fold add-immediate chains (see counters/tsc_clock.cpp).
        if (instruction == "add") a.add(dst, x86::r11);
        else if (instruction == "imul") a.imul(dst, dst);
        else if (instruction == "sar") a.sar(dst, 1);
        else if (instruction == "andn") a.andn(dst, dst, x86::r11);
        else {  // test+js: never taken, the target is the next instruction
          Label next = a.newLabel();
          a.test(dst, dst);
          a.js(next);
          a.bind(next);
        }
        continue;
      }
      if (gather) {
        // Chain c alternates registers 2c and 2c+1: each gather's index is the previous result.
        const int c = lat ? 0 : i % (kChains / 2);
        const int from = 2 * c + (i / (lat ? 1 : kChains / 2)) % 2, to = 2 * c + 1 - (from - 2 * c);
        if (width == "zmm") {
          const x86::KReg k = x86::KReg(1 + c);
          a.kxnorw(k, k, k);
          a.k(k).vgatherdps(v(to), x86::ptr(x86::rsp, v(from), 2));
        } else {
          const x86::Vec mask = x86::ymm(11 + c);
          a.vpcmpeqd(mask, mask, mask);
          a.vgatherdps(v(to), x86::ptr(x86::rsp, v(from), 2), mask);
        }
        continue;
      }
      const int c = lat ? 0 : i % kChains;
      const x86::Vec d = v(c), one = v(10), zero = v(11);
      const x86::KReg k = x86::KReg(1 + c % 7);
      if (instruction == "vmaxps") a.vmaxps(d, d, one);
      else if (instruction == "vandps") a.vandps(d, d, one);
      else if (instruction == "vandnps") a.vandnps(d, d, one);
      else if (instruction == "vpandnd") a.vpandnd(d, d, one);
      else if (instruction == "vpsrad") a.vpsrad(d, d, 1);
      else if (instruction == "vpmaxsd") a.vpmaxsd(d, d, one);
      else if (instruction == "vblendvps") a.vblendvps(d, d, one, zero);
      else if (instruction == "vblendmps") a.k(x86::k1).vblendmps(d, d, one);
      else if (instruction == "vpmovd2m" || instruction == "vfpclassps") {
        if (instruction == "vpmovd2m") a.vpmovd2m(k, d);
        else a.vfpclassps(k, d, 0x40);  // negative finite
        if (lat) a.vpmovm2d(d, k);
      } else if (instruction == "vfmadd231ps") a.vfmadd231ps(d, one, zero);
      else if (instruction == "vmulps") a.vmulps(d, d, one);
      else if (instruction == "vaddps") a.vaddps(d, d, zero);
      else if (instruction == "vdivps") a.vdivps(d, d, one);
      else if (instruction == "vrcpps") a.vrcpps(d, d);
      else if (instruction == "vrcp14ps") a.vrcp14ps(d, d);
      else if (instruction == "vscalefps") a.vscalefps(d, d, zero);
      else if (instruction == "vroundps") a.vroundps(d, d, 0);
      else if (instruction == "vrndscaleps") a.vrndscaleps(d, d, 0);
      else if (instruction == "vcvtps2dq") a.vcvtps2dq(d, d);
      else if (instruction == "vpermps") a.vpermps(d, zero, d);
      else if (instruction == "vpermt2ps") a.vpermt2ps(d, zero, one);
      else throw JitError("instruction '" + instruction + "' is listed but has no emitter");
    }
    a.dec(x86::rdi);
    a.jnz(loop);
    if (gather) a.add(x86::rsp, 128);
    if (!gp) a.vzeroupper();
    a.ret();
  });
  out.fn = reinterpret_cast<void (*)(std::uint64_t)>(code.entry);
  out.listing = code.listing;
  return out;
}

}  // namespace actbench::jit
