#include "jit/stream_loop.hpp"

#include <bit>
#include <cstring>

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

RegPlan RegPlan::of(Isa isa) {
  if (isa == Isa::avx512f) return {8, 8, 8, 16, 16};
  return {4, 4, 8, 16, 0};  // 16 registers: 4 values, 8 temporaries (ids 4..11), 4 spare
}

ConstPool::ConstPool(Isa isa, DType dtype) : isa_(isa), dtype_(dtype), plan_(RegPlan::of(isa)) {}

void ConstPool::bind(x86::Assembler& a) {
  label_ = a.newLabel();
  table_labels_.clear();
  for (std::size_t i = 0; i < tables_.size(); ++i) table_labels_.push_back(a.newLabel());
}

int ConstPool::add_table(const void* data, std::size_t bytes) {
  const auto* p = static_cast<const unsigned char*>(data);
  tables_.emplace_back(p, p + bytes);
  return static_cast<int>(tables_.size() - 1);
}

int ConstPool::add_block(const void* data) {
  std::array<unsigned char, 64> block;
  std::memcpy(block.data(), data, block.size());
  for (std::size_t i = 0; i < blocks_.size(); ++i)
    if (blocks_[i] == block) return static_cast<int>(i);
  blocks_.push_back(block);
  return static_cast<int>(blocks_.size() - 1);
}

int ConstPool::add_bits(std::uint64_t bits) {
  unsigned char block[64];
  const std::size_t esize = dtype_ == DType::f32 ? 4 : 8;
  for (std::size_t o = 0; o < 64; o += esize) std::memcpy(block + o, &bits, esize);  // little-endian low bytes
  return add_block(block);
}

int ConstPool::add(double value) {
  return add_bits(dtype_ == DType::f32 ? std::bit_cast<std::uint32_t>(static_cast<float>(value))
                                       : std::bit_cast<std::uint64_t>(value));
}

bool ConstPool::in_register(int index) const { return index < plan_.const_regs; }

x86::Vec ConstPool::reg(int index) const { return vreg(isa_, plan_.const_base + index); }

x86::Mem ConstPool::mem(int index) const { return x86::ptr(label_, index * 64); }

Operand ConstPool::op(int index) const {
  if (in_register(index)) return reg(index);
  return x86::ptr(label_, index * 64);
}

void ConstPool::emit_loads(x86::Assembler& a) {
  for (int i = 0; i < static_cast<int>(blocks_.size()) && in_register(i); ++i) a.vmovups(reg(i), x86::ptr(label_, i * 64));
}

void ConstPool::emit_data(x86::Assembler& a) {
  a.align(AlignMode::kData, 64);
  a.bind(label_);
  for (const auto& block : blocks_) a.embed(block.data(), block.size());
  for (std::size_t i = 0; i < tables_.size(); ++i) {
    a.align(AlignMode::kData, 64);
    a.bind(table_labels_[i]);
    a.embed(tables_[i].data(), tables_[i].size());
  }
}

namespace {

struct Movers {
  x86::Assembler& a;
  bool vex, f32;
  void load(const x86::Vec& v, const x86::Mem& m) {
    if (vex) f32 ? a.vmovups(v, m) : a.vmovupd(v, m);
    else f32 ? a.movups(v.xmm(), m) : a.movupd(v.xmm(), m);
  }
  void store(const x86::Mem& m, const x86::Vec& v) {
    if (vex) f32 ? a.vmovups(m, v) : a.vmovupd(m, v);
    else f32 ? a.movups(m, v.xmm()) : a.movupd(m, v.xmm());
  }
  void load1(const x86::Xmm& v, const x86::Mem& m) {
    if (vex) f32 ? a.vmovss(v, m) : a.vmovsd(v, m);
    else f32 ? a.movss(v, m) : a.movsd(v, m);
  }
  void store1(const x86::Mem& m, const x86::Xmm& v) {
    if (vex) f32 ? a.vmovss(m, v) : a.vmovsd(m, v);
    else f32 ? a.movss(m, v) : a.movsd(m, v);
  }
};

void finish(x86::Assembler& a, const StreamShape& s, ConstPool* pool) {
  if (uses_vex(s.isa)) a.vzeroupper();
  a.ret();
  if (pool) pool->emit_data(a);
}

}  // namespace

void emit_stream_function(x86::Assembler& a, const StreamShape& s, const PrologueEmitter& prologue,
                          const BodyEmitter& body, ConstPool* pool) {
  const x86::Gp in = x86::rdi, out = x86::rsi, n = x86::rdx;
  const int w = lanes(s.isa, s.dtype);
  const int esize = s.dtype == DType::f32 ? 4 : 8;
  const int vbytes = w * esize;
  Movers m{a, uses_vex(s.isa), s.dtype == DType::f32};

  Label main_loop = a.newLabel(), single = a.newLabel(), single_loop = a.newLabel(), tail = a.newLabel(),
        done = a.newLabel();
  if (pool) pool->bind(a);
  if (prologue) prologue(a);
  if (pool) pool->emit_loads(a);

  const int step = w * s.unroll;
  if (s.unroll > 1) {
    a.cmp(n, step);
    a.jb(single);
    a.align(AlignMode::kCode, 32);
    a.bind(main_loop);
    for (int u = 0; u < s.unroll; ++u) m.load(vreg(s.isa, u), x86::ptr(in, u * vbytes));
    for (int u = 0; u < s.unroll; ++u) body(a, vreg(s.isa, u));
    for (int u = 0; u < s.unroll; ++u) m.store(x86::ptr(out, u * vbytes), vreg(s.isa, u));
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
  m.load(vreg(s.isa, 0), x86::ptr(in));
  body(a, vreg(s.isa, 0));
  m.store(x86::ptr(out), vreg(s.isa, 0));
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
    if (m.f32) {
      a.k(x86::k1).z().vmovups(v0, x86::ptr(in));
      body(a, v0);
      a.k(x86::k1).vmovups(x86::ptr(out), v0);
    } else {
      a.k(x86::k1).z().vmovupd(v0, x86::ptr(in));
      body(a, v0);
      a.k(x86::k1).vmovupd(x86::ptr(out), v0);
    }
  } else {
    // The tail goes through a zeroed vector on the stack: copy in, transform, copy back out.
    const x86::Xmm x0 = x86::xmm0;
    a.sub(x86::rsp, 64);
    if (m.vex) a.vxorps(x0, x0, x0);
    else a.xorps(x0, x0);
    m.store(x86::ptr(x86::rsp), vreg(s.isa, 0));
    a.xor_(x86::ecx, x86::ecx);
    Label copy_in = a.newLabel(), copy_out = a.newLabel();
    a.bind(copy_in);
    m.load1(x0, x86::ptr(in, x86::rcx, esize == 4 ? 2 : 3));
    m.store1(x86::ptr(x86::rsp, x86::rcx, esize == 4 ? 2 : 3), x0);
    a.inc(x86::ecx);
    a.cmp(x86::rcx, n);
    a.jb(copy_in);
    m.load(v0, x86::ptr(x86::rsp));
    body(a, v0);
    m.store(x86::ptr(x86::rsp), v0);
    a.xor_(x86::ecx, x86::ecx);
    a.bind(copy_out);
    m.load1(x0, x86::ptr(x86::rsp, x86::rcx, esize == 4 ? 2 : 3));
    m.store1(x86::ptr(out, x86::rcx, esize == 4 ? 2 : 3), x0);
    a.inc(x86::ecx);
    a.cmp(x86::rcx, n);
    a.jb(copy_out);
    a.add(x86::rsp, 64);
  }
  a.bind(done);
  finish(a, s, pool);
}

void emit_latency_function(x86::Assembler& a, const StreamShape& s, const PrologueEmitter& prologue,
                           const BodyEmitter& body, ConstPool* pool) {
  const x86::Gp in = x86::rdi, out = x86::rsi, n = x86::rdx;
  const int esize = s.dtype == DType::f32 ? 4 : 8;
  Movers m{a, uses_vex(s.isa), s.dtype == DType::f32};
  const x86::Vec v = vreg(s.isa, 0), x = vreg(s.isa, 1), zero = vreg(s.isa, 2);
  Label loop = a.newLabel(), done = a.newLabel();
  if (pool) pool->bind(a);
  if (prologue) prologue(a);
  if (pool) pool->emit_loads(a);
  if (m.vex) {
    a.vxorps(v.xmm(), v.xmm(), v.xmm());
    a.vxorps(zero.xmm(), zero.xmm(), zero.xmm());
  } else {
    a.xorps(v.xmm(), v.xmm());
    a.xorps(zero.xmm(), zero.xmm());
  }
  a.test(n, n);
  a.jz(done);
  a.align(AlignMode::kCode, 32);
  a.bind(loop);
  m.load1(x.xmm(), x86::ptr(in));  // upper lanes zero
  if (s.isa == Isa::avx512f) {
    // v = (v & zero) ^ x in one instruction: ternary-logic table for (A & B) ^ C with A = v,
    // B = zero, C = x sets bits 1, 3, 5, 6: 0x6a.
    a.vpternlogd(v, zero, x, 0x6a);
  } else if (m.vex) {
    a.vandps(v, v, zero);
    a.vxorps(v, v, x);
  } else {
    a.andps(v.xmm(), zero.xmm());
    a.xorps(v.xmm(), x.xmm());
  }
  if (body) body(a, v);
  m.store1(x86::ptr(out), v.xmm());
  a.add(in, esize);
  a.add(out, esize);
  a.dec(n);
  a.jnz(loop);
  a.bind(done);
  finish(a, s, pool);
}

}  // namespace actbench::jit
