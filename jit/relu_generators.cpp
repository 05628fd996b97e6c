#include "jit/relu_generators.hpp"

#include "jit/generate.hpp"
#include "jit/jit_context.hpp"

namespace actbench::jit {

using namespace asmjit;

const char* method_name(ReluMethod m) {
  switch (m) {
    case ReluMethod::maxps: return "maxps";
    case ReluMethod::maxps_rev: return "maxps-rev";
    case ReluMethod::blendv: return "signbit-blendv";
    case ReluMethod::psrad_andn: return "signbit-psrad-andn";
    case ReluMethod::pmaxsd: return "signbit-pmaxsd";
    case ReluMethod::pmovd2m_xor: return "signbit-pmovd2m";
    case ReluMethod::ptestnm_zero: return "signbit-ptestnm";
    case ReluMethod::fpclass_xor: return "signbit-fpclass";
  }
  return "?";
}

KernelFn relu_vector(const std::string& name, ReluMethod method, const StreamShape& s) {
  const bool vex = uses_vex(s.isa), f32 = s.dtype == DType::f32, z512 = s.isa == Isa::avx512f;
  const RegPlan plan = RegPlan::of(s.isa);
  const x86::Vec t = vreg(s.isa, plan.temp_base);
  return generate(name, s, [=](ConstPool& pool) -> BodyEmitter {
    const int zero = pool.add(0.0);
    const int sign = pool.add_bits(f32 ? 0x80000000u : 0x8000000000000000ull);
    return [=, &pool](x86::Assembler& a, const x86::Vec& v) {
      const Operand z = pool.op(zero);
      switch (method) {
        case ReluMethod::maxps:
          if (vex) a.emit(f32 ? x86::Inst::kIdVmaxps : x86::Inst::kIdVmaxpd, v, v, z);
          else a.emit(f32 ? x86::Inst::kIdMaxps : x86::Inst::kIdMaxpd, v.xmm(), z);
          break;
        case ReluMethod::maxps_rev:
          if (vex) {
            a.vxorps(t.xmm(), t.xmm(), t.xmm());
            f32 ? a.vmaxps(v, t, v) : a.vmaxpd(v, t, v);
          } else {
            a.xorps(t.xmm(), t.xmm());
            f32 ? a.maxps(t.xmm(), v.xmm()) : a.maxpd(t.xmm(), v.xmm());
            a.movaps(v.xmm(), t.xmm());
          }
          break;
        case ReluMethod::blendv:
          a.vxorps(t.xmm(), t.xmm(), t.xmm());
          f32 ? a.vblendvps(v, v, t, v) : a.vblendvpd(v, v, t, v);
          break;
        case ReluMethod::psrad_andn:
          if (z512) {
            a.vpsrad(t, v, 31);
            a.vpandnd(v, t, v);
          } else if (vex) {
            a.vpsrad(t, v, 31);
            a.vpandn(v, t, v);
          } else {
            a.movdqa(t.xmm(), v.xmm());
            a.psrad(t.xmm(), 31);
            a.pandn(t.xmm(), v.xmm());
            a.movdqa(v.xmm(), t.xmm());
          }
          break;
        case ReluMethod::pmaxsd:
          if (vex) a.emit(x86::Inst::kIdVpmaxsd, v, v, z);
          else a.emit(x86::Inst::kIdPmaxsd, v.xmm(), z);
          break;
        case ReluMethod::pmovd2m_xor:
          a.vpmovd2m(x86::k2, v);
          a.k(x86::k2).vpxord(v, v, v);
          break;
        case ReluMethod::ptestnm_zero:
          a.vptestnmd(x86::k2, v, pool.reg(sign));  // AVX-512: constants live in registers
          a.k(x86::k2).z().vmovaps(v, v);
          break;
        case ReluMethod::fpclass_xor:
          // Classes: 0x04 -0, 0x10 -inf, 0x40 negative finite (incl. denormals). NaN is none of them.
          a.vfpclassps(x86::k2, v, 0x54);
          a.k(x86::k2).vpxord(v, v, v);
          break;
      }
    };
  });
}

KernelFn relu_scalar_gp(const std::string& name, bool branch, int unroll) {
  return generate_kernel(name, DType::f32, [&](x86::Assembler& a, bool latency, bool with_body) {
    const x86::Gp in = x86::rdi, out = x86::rsi, n = x86::rdx;
    Label loop = a.newLabel(), one = a.newLabel(), rest = a.newLabel(), done = a.newLabel();
    // One value: eax = in[i]; out[i] = sign ? 0 : eax. In the latency loop the next value is made
    // dependent on this result first: eax = (prev & 0) ^ in[i], with r9 = 0 and prev in r8d.
    auto value = [&](int off) {
      a.mov(x86::eax, x86::dword_ptr(in, off));
      if (latency) {
        a.and_(x86::r8d, x86::r9d);
        a.xor_(x86::eax, x86::r8d);
      }
      if (!with_body) {
        a.mov(x86::r8d, x86::eax);
      } else if (branch) {
        Label neg = a.newLabel(), next = a.newLabel();
        a.test(x86::eax, x86::eax);
        a.js(neg);
        a.mov(x86::r8d, x86::eax);
        a.jmp(next);
        a.bind(neg);
        a.xor_(x86::r8d, x86::r8d);
        a.bind(next);
      } else {
        a.mov(x86::ecx, x86::eax);
        a.sar(x86::ecx, 31);
        a.andn(x86::r8d, x86::ecx, x86::eax);
      }
      a.mov(x86::dword_ptr(out, off), x86::r8d);
    };
    const int u = latency ? 1 : unroll;
    a.xor_(x86::r8d, x86::r8d);
    a.xor_(x86::r9d, x86::r9d);
    a.cmp(n, u);
    a.jb(rest);
    a.align(AlignMode::kCode, 32);
    a.bind(loop);
    for (int i = 0; i < u; ++i) value(4 * i);
    a.add(in, 4 * u);
    a.add(out, 4 * u);
    a.sub(n, u);
    a.cmp(n, u);
    a.jae(loop);
    a.bind(rest);
    a.test(n, n);
    a.jz(done);
    a.bind(one);
    value(0);
    a.add(in, 4);
    a.add(out, 4);
    a.dec(n);
    a.jnz(one);
    a.bind(done);
    a.ret();
  });
}

}  // namespace actbench::jit
