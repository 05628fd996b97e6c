#include "jit/stream_loop.hpp"

namespace actbench::jit {

using namespace asmjit;

int lanes(Isa isa, DType dtype) {
  const int bytes = isa == Isa::avx512f ? 64 : isa == Isa::avx2 ? 32 : isa == Isa::sse41 ? 16 : 0;
  const int elem = dtype == DType::f32 ? 4 : 8;
  return bytes ? bytes / elem : 1;
}

x86::Vec vreg(Isa isa, int id) {
  switch (isa) {
    case Isa::avx512f: return x86::zmm(id);
    case Isa::avx2: return x86::ymm(id);
    default: return x86::xmm(id);
  }
}

bool uses_vex(Isa isa) { return isa == Isa::avx2 || isa == Isa::avx512f; }

void emit_stream_function(x86::Assembler& a, const StreamShape& s, const PrologueEmitter& prologue,
                          const BodyEmitter& body) {
  const x86::Gp in = x86::rdi, out = x86::rsi, n = x86::rdx;
  const int w = lanes(s.isa, s.dtype);
  const int esize = s.dtype == DType::f32 ? 4 : 8;
  const int vbytes = w * esize;
  const bool vex = uses_vex(s.isa);
  const bool f32 = s.dtype == DType::f32;

  auto load = [&](const x86::Vec& v, const x86::Mem& m) {
    if (vex) f32 ? a.vmovups(v, m) : a.vmovupd(v, m);
    else f32 ? a.movups(v.xmm(), m) : a.movupd(v.xmm(), m);
  };
  auto store = [&](const x86::Mem& m, const x86::Vec& v) {
    if (vex) f32 ? a.vmovups(m, v) : a.vmovupd(m, v);
    else f32 ? a.movups(m, v.xmm()) : a.movupd(m, v.xmm());
  };

  Label main_loop = a.newLabel(), single = a.newLabel(), single_loop = a.newLabel(), tail = a.newLabel(),
        done = a.newLabel();
  if (prologue) prologue(a);

  const int step = w * s.unroll;
  if (s.unroll > 1) {
    a.cmp(n, step);
    a.jb(single);
    a.align(AlignMode::kCode, 32);
    a.bind(main_loop);
    for (int u = 0; u < s.unroll; ++u) load(vreg(s.isa, u), x86::ptr(in, u * vbytes));
    for (int u = 0; u < s.unroll; ++u) body(a, vreg(s.isa, u), false);
    for (int u = 0; u < s.unroll; ++u) store(x86::ptr(out, u * vbytes), vreg(s.isa, u));
    a.add(in, step * esize);
    a.add(out, step * esize);
    a.sub(n, step);
    a.cmp(n, step);
    a.jae(main_loop);
  }
  a.bind(single);
  a.cmp(n, w);
  a.jb(tail);
  a.bind(single_loop);
  load(vreg(s.isa, 0), x86::ptr(in));
  body(a, vreg(s.isa, 0), false);
  store(x86::ptr(out), vreg(s.isa, 0));
  a.add(in, vbytes);
  a.add(out, vbytes);
  a.sub(n, w);
  a.cmp(n, w);
  a.jae(single_loop);

  a.bind(tail);
  a.test(n, n);
  a.jz(done);
  const x86::Vec v0 = vreg(s.isa, 0);
  if (s.isa == Isa::avx512f) {
    // k1 = (1 << n) - 1 selects the remaining lanes; masked loads never touch memory past the end.
    a.mov(x86::eax, 1);
    a.shlx(x86::eax, x86::eax, x86::edx);
    a.dec(x86::eax);
    a.kmovw(x86::k1, x86::eax);
    if (f32) {
      a.k(x86::k1).z().vmovups(v0, x86::ptr(in));
      body(a, v0, false);
      a.k(x86::k1).vmovups(x86::ptr(out), v0);
    } else {
      a.k(x86::k1).z().vmovupd(v0, x86::ptr(in));
      body(a, v0, false);
      a.k(x86::k1).vmovupd(x86::ptr(out), v0);
    }
  } else {
    const x86::Xmm x0 = x86::xmm0;
    Label one = a.newLabel();
    a.bind(one);
    if (vex) f32 ? a.vmovss(x0, x86::ptr(in)) : a.vmovsd(x0, x86::ptr(in));
    else f32 ? a.movss(x0, x86::ptr(in)) : a.movsd(x0, x86::ptr(in));
    body(a, x0, true);
    if (vex) f32 ? a.vmovss(x86::ptr(out), x0) : a.vmovsd(x86::ptr(out), x0);
    else f32 ? a.movss(x86::ptr(out), x0) : a.movsd(x86::ptr(out), x0);
    a.add(in, esize);
    a.add(out, esize);
    a.dec(n);
    a.jnz(one);
  }
  a.bind(done);
  if (vex) a.vzeroupper();
  a.ret();
}

}  // namespace actbench::jit
