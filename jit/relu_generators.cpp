#include "jit/relu_generators.hpp"

#include "jit/jit_context.hpp"

namespace actbench::jit {

using namespace asmjit;

namespace {

KernelFn as_kernel(const GeneratedCode& code, DType dtype) {
  KernelFn fn;
  if (dtype == DType::f32)
    fn.f32 = reinterpret_cast<KernelF32>(code.entry);
  else
    fn.f64 = reinterpret_cast<KernelF64>(code.entry);
  return fn;
}

}  // namespace

KernelFn relu_maxps(const std::string& name, const StreamShape& s) {
  const int zero_id = s.isa == Isa::avx512f ? 31 : 15;
  const x86::Vec zero = vreg(s.isa, zero_id);
  const bool vex = uses_vex(s.isa), f32 = s.dtype == DType::f32;
  auto code = assemble(name, [&](x86::Assembler& a) {
    emit_stream_function(
        a, s,
        [&](x86::Assembler& a) {
          // xmm zeroing clears the whole register; an xor at full zmm width would need AVX512DQ.
          if (vex) a.vxorps(zero.xmm(), zero.xmm(), zero.xmm());
          else a.xorps(zero.xmm(), zero.xmm());
        },
        [&](x86::Assembler& a, const x86::Vec& v, bool scalar) {
          const x86::Vec z = scalar ? zero.xmm() : zero;
          if (vex) {
            if (scalar) f32 ? a.vmaxss(v.xmm(), v.xmm(), z.xmm()) : a.vmaxsd(v.xmm(), v.xmm(), z.xmm());
            else f32 ? a.vmaxps(v, v, z) : a.vmaxpd(v, v, z);
          } else {
            if (scalar) f32 ? a.maxss(v.xmm(), z.xmm()) : a.maxsd(v.xmm(), z.xmm());
            else f32 ? a.maxps(v.xmm(), z.xmm()) : a.maxpd(v.xmm(), z.xmm());
          }
        });
  });
  return as_kernel(code, s.dtype);
}

}  // namespace actbench::jit
