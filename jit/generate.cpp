#include "jit/generate.hpp"

#include "jit/jit_context.hpp"

namespace actbench::jit {

KernelFn generate_kernel(const std::string& name, DType dtype, const KernelEmitter& emit) {
  auto build = [&](bool latency, bool with_body) {
    return assemble(name, [&](asmjit::x86::Assembler& a) { emit(a, latency, with_body); });
  };
  const GeneratedCode tput = build(false, true), lat = build(true, true), base = build(true, false);
  KernelFn fn;
  if (dtype == DType::f32) {
    fn.f32 = reinterpret_cast<KernelF32>(tput.entry);
    fn.latency_f32 = reinterpret_cast<KernelF32>(lat.entry);
    fn.latency_base_f32 = reinterpret_cast<KernelF32>(base.entry);
  } else {
    fn.f64 = reinterpret_cast<KernelF64>(tput.entry);
    fn.latency_f64 = reinterpret_cast<KernelF64>(lat.entry);
    fn.latency_base_f64 = reinterpret_cast<KernelF64>(base.entry);
  }
  fn.listing = tput.listing;
  return fn;
}

KernelFn generate(const std::string& name, const StreamShape& s, const BodyFactory& make_body) {
  return generate_kernel(name, s.dtype, [&](asmjit::x86::Assembler& a, bool latency, bool with_body) {
    ConstPool pool(s.isa, s.dtype);
    const BodyEmitter body = with_body ? make_body(pool) : BodyEmitter{};
    if (latency)
      emit_latency_function(a, s, nullptr, body, &pool);
    else
      emit_stream_function(a, s, nullptr, body, &pool);
  });
}

}  // namespace actbench::jit
