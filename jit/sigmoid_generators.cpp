#include "jit/sigmoid_generators.hpp"

#include <bit>
#include <stdexcept>
#include <cmath>
#include <numbers>
#include <vector>

#include "jit/coefficients.hpp"
#include "jit/generate.hpp"

namespace actbench::jit {

using namespace asmjit;

std::string SigmoidPoly::method() const {
  std::string m = "exp-rr" + std::to_string(rr) + (lut ? "-lut" + std::to_string(lut) : "") + "-p" +
                  std::to_string(degree) + "-" +
                  (recip == Recip::div ? "div" : recip == Recip::nr1 ? "nr1" : recip == Recip::nr2 ? "nr2" : "divnr1");
  if (!reflect) m += "-direct";
  if (scalef || lut) m += "-scalef";
  return m;
}

namespace {

// The handful of vector operations the generators use, for f32 or f64 at AVX2 or AVX-512 width,
// so each algorithm is written once. Operands from the pool may be memory (AVX2); a constant that
// must be a register (a VEX first source) is loaded into the scratch register given.
struct Ops {
  x86::Assembler& a;
  ConstPool& pool;
  bool f32, z512;

  x86::Vec r(int c, const x86::Vec& scratch) {
    if (pool.in_register(c)) return pool.reg(c);
    f32 ? a.vmovaps(scratch, pool.op(c).as<x86::Mem>()) : a.vmovapd(scratch, pool.op(c).as<x86::Mem>());
    return scratch;
  }
  void mov(const x86::Vec& d, const x86::Vec& s) { f32 ? a.vmovaps(d, s) : a.vmovapd(d, s); }
  // A constant copied into a register that will be overwritten: a register move where a register
  // holds it (loading it from the pool instead measured no faster here: 0.76 against 0.72 cycles
  // per value for the lut16 sigmoid), else a load.
  void movc(const x86::Vec& d, int c) {
    if (pool.in_register(c)) mov(d, pool.reg(c));
    else f32 ? a.vmovaps(d, pool.mem(c)) : a.vmovapd(d, pool.mem(c));
  }
  void add(const x86::Vec& d, const x86::Vec& x, const Operand& y) { f32 ? a.emit(x86::Inst::kIdVaddps, d, x, y) : a.emit(x86::Inst::kIdVaddpd, d, x, y); }
  void sub(const x86::Vec& d, const x86::Vec& x, const Operand& y) { f32 ? a.emit(x86::Inst::kIdVsubps, d, x, y) : a.emit(x86::Inst::kIdVsubpd, d, x, y); }
  void mul(const x86::Vec& d, const x86::Vec& x, const Operand& y) { f32 ? a.emit(x86::Inst::kIdVmulps, d, x, y) : a.emit(x86::Inst::kIdVmulpd, d, x, y); }
  void div(const x86::Vec& d, const x86::Vec& x, const Operand& y) { f32 ? a.emit(x86::Inst::kIdVdivps, d, x, y) : a.emit(x86::Inst::kIdVdivpd, d, x, y); }
  void max(const x86::Vec& d, const x86::Vec& x, const Operand& y) { f32 ? a.emit(x86::Inst::kIdVmaxps, d, x, y) : a.emit(x86::Inst::kIdVmaxpd, d, x, y); }
  void min(const x86::Vec& d, const x86::Vec& x, const Operand& y) { f32 ? a.emit(x86::Inst::kIdVminps, d, x, y) : a.emit(x86::Inst::kIdVminpd, d, x, y); }
  // d = x * y + d
  void fma231(const x86::Vec& d, const x86::Vec& x, const Operand& y) { f32 ? a.emit(x86::Inst::kIdVfmadd231ps, d, x, y) : a.emit(x86::Inst::kIdVfmadd231pd, d, x, y); }
  // d = d * x + y
  void fma213(const x86::Vec& d, const x86::Vec& x, const Operand& y) { f32 ? a.emit(x86::Inst::kIdVfmadd213ps, d, x, y) : a.emit(x86::Inst::kIdVfmadd213pd, d, x, y); }
  // d = -(x * y) + d
  void fnma213(const x86::Vec& d, const x86::Vec& x, const Operand& y) { f32 ? a.emit(x86::Inst::kIdVfnmadd213ps, d, x, y) : a.emit(x86::Inst::kIdVfnmadd213pd, d, x, y); }
  void fnma231(const x86::Vec& d, const x86::Vec& x, const Operand& y) { f32 ? a.emit(x86::Inst::kIdVfnmadd231ps, d, x, y) : a.emit(x86::Inst::kIdVfnmadd231pd, d, x, y); }
  void bit_or(const x86::Vec& d, const x86::Vec& x, const Operand& y) {
    if (z512) f32 ? a.emit(x86::Inst::kIdVpord, d, x, y) : a.emit(x86::Inst::kIdVporq, d, x, y);
    else a.emit(x86::Inst::kIdVorps, d, x, y);
  }
  void bit_xor(const x86::Vec& d, const x86::Vec& x, const Operand& y) {
    if (z512) f32 ? a.emit(x86::Inst::kIdVpxord, d, x, y) : a.emit(x86::Inst::kIdVpxorq, d, x, y);
    else a.emit(x86::Inst::kIdVxorps, d, x, y);
  }
  void shl_exponent(const x86::Vec& d, const x86::Vec& x) { f32 ? a.vpslld(d, x, 23) : a.vpsllq(d, x, 52); }
  void rcp(const x86::Vec& d, const x86::Vec& x) {
    if (z512) f32 ? a.vrcp14ps(d, x) : a.vrcp14pd(d, x);
    else a.vrcpps(d, x);
  }
  // r = 1/d: the hardware estimate, then `steps` Newton-Raphson steps r += r (1 - d r). The
  // residual is built in `scratch` from the constant one, so d survives.
  void reciprocal(const x86::Vec& r, const x86::Vec& d, int steps, int k_one, const x86::Vec& scratch) {
    rcp(r, d);
    for (int step = 0; step < steps; ++step) {
      movc(scratch, k_one);
      fnma231(scratch, d, r);  // 1 - d r
      fma231(r, r, scratch);   // r + r (1 - d r)
    }
  }
};

int newton_steps(Recip r) { return r == Recip::nr2 ? 2 : 1; }

struct Layout {
  x86::Vec t[8];
};

Layout temps(Isa isa) {
  const RegPlan plan = RegPlan::of(isa);
  Layout l;
  for (int i = 0; i < 8; ++i) l.t[i] = vreg(isa, plan.temp_base + i);
  return l;
}

constexpr std::uint64_t kSignF32 = 0x80000000u, kSignF64 = 0x8000000000000000ull;

}  // namespace

KernelFn sigmoid_poly(const std::string& name, const SigmoidPoly& p, const StreamShape& s) {
  if (p.recip == Recip::divnr1 && (p.reflect || !p.scalef))
    throw std::invalid_argument(name + ": divnr1 is written for the direct vscalefps form only");
  const bool f32 = s.dtype == DType::f32, z512 = s.isa == Isa::avx512f;
  const Layout L = temps(s.isa);
  const long double ln2 = std::numbers::ln2_v<long double>;
  // Cody-Waite: hi has its low mantissa bits cleared so that n * hi is exact for the n that occur.
  const double ln2_hi = f32 ? static_cast<double>(std::bit_cast<float>(std::bit_cast<std::uint32_t>(static_cast<float>(ln2)) & 0xFFFFF000u))
                            : std::bit_cast<double>(std::bit_cast<std::uint64_t>(static_cast<double>(ln2)) & ~0xFFFFFFFull);
  const double ln2_lo = static_cast<double>(ln2 - ln2_hi);
  const double ln2_one = f32 ? static_cast<double>(static_cast<float>(ln2)) : static_cast<double>(ln2);
  const std::vector<double> c = exp_poly_coefficients(p.degree, static_cast<double>(ln2 / 2), s.dtype);
  // 1.5 * 2^23 (2^52) rounds z*log2e to an integer in the low mantissa bits; the added 127 (1023)
  // is the exponent bias, so shifting those bits into the exponent field gives 2^n directly.
  const double magic = f32 ? 0x1.8p23 + 127 : 0x1.8p52 + 1023;
  // Below this z, exp(z) is below the smallest normal number: 2^n cannot be built by a shift.
  const double cutoff = f32 ? -0x1.5D589Ep6 : -0x1.6232BDD7ABCD2p9;  // about -87.34 / -708.4
  const double sat = f32 ? -104.0 : -746.0;                          // scalef: exp(z) rounds to 0 below

  return generate(name, s, [=](ConstPool& pool) -> BodyEmitter {
    // Direct with vscalefps: the sign of z = -x is folded into the constants, as in the hand-written
    // kernel (kernels/asm/sigmoid_f32_exp_p5_nr1_avx512f.S), which this path matches bit for bit.
    // Only the constants a path uses go into the pool, so they all stay in registers.
    const bool folded = !p.reflect && p.scalef;
    auto add = [&](bool used, double value) { return used ? pool.add(value) : -1; };
    const int k_one = pool.add(1.0);
    const int k_sign = folded ? -1 : pool.add_bits(f32 ? kSignF32 : kSignF64), k_log2e = add(!folded, 1 / ln2),
              k_magic = add(!folded, magic), k_ln2hi = add(!folded, -(p.rr == 2 ? ln2_hi : ln2_one)),
              k_ln2lo = add(!folded, -ln2_lo), k_cut = add(!folded, p.scalef ? sat : cutoff),
              k_hi = add(!folded, f32 ? 88.0 : 709.0);
    std::vector<int> k_c, k_cf;
    for (std::size_t i = 0; i < c.size(); ++i) {
      k_c.push_back(add(!folded, c[i]));
      k_cf.push_back(add(folded, i % 2 ? -c[i] : c[i]));
    }
    const int k_round = add(folded, f32 ? 0x1.8p23 : 0x1.8p52), k_neg_log2e = add(folded, -1 / ln2),
              k_ln2hi_pos = add(folded, p.rr == 2 ? ln2_hi : ln2_one), k_ln2lo_pos = add(folded && p.rr == 2, ln2_lo),
              k_xlo = add(folded, f32 ? -88.0 : -709.0), k_xhi = add(folded, -sat);
    return [=, &pool](x86::Assembler& a, const x86::Vec& v) {
      Ops o{a, pool, f32, z512};
      const x86::Vec z = L.t[0], n = L.t[1], sc = L.t[2], t = L.t[3], q = L.t[4], d = L.t[5], r = L.t[6], x7 = L.t[7];
      // t = e/(1+e) (reflect) or 1/(1+e) (direct), by division or rcp + Newton. divnr1 divides in
      // the even vector registers and takes Newton in the odd ones.
      auto one_over_one_plus = [&](const x86::Vec& e) {
        o.add(d, e, pool.op(k_one));
        if (p.recip == Recip::div || (p.recip == Recip::divnr1 && v.id() % 2 == 0)) {
          if (p.reflect) o.div(t, e, d);
          else o.div(t, o.r(k_one, x7), d);
        } else {
          o.reciprocal(r, d, newton_steps(p.recip), k_one, x7);
          if (p.reflect) o.mul(t, e, r);
          else o.mov(t, r);
        }
      };
      if (folded) {
        // x clamped to [-88, 104] (NaN kept: the second operand); n = round(-x log2e) by the
        // 1.5 * 2^23 rounding constant; t' = x + n ln2 = -t; exp(t) = 1 - t' q(-t') with the odd
        // coefficients negated; times 2^n by vscalefps.
        o.max(t, o.r(k_xlo, x7), v);
        o.min(t, o.r(k_xhi, x7), t);
        o.movc(n, k_round);
        o.fma231(n, t, pool.op(k_neg_log2e));
        o.sub(n, n, pool.op(k_round));
        o.fma231(t, n, pool.op(k_ln2hi_pos));
        if (p.rr == 2) o.fma231(t, n, pool.op(k_ln2lo_pos));
        o.movc(q, k_cf.back());
        for (std::size_t i = k_cf.size() - 1; i-- > 0;) o.fma213(q, t, pool.op(k_cf[i]));
        o.fnma213(q, t, pool.op(k_one));
        f32 ? a.vscalefps(q, q, n) : a.vscalefpd(q, q, n);
        one_over_one_plus(q);
        o.mov(v, t);
        return;
      }
      // z: -|x| (reflect) or -x clamped (direct). The clamps keep NaN: it is the second operand.
      if (p.reflect) {
        o.bit_or(z, v, pool.op(k_sign));
        if (p.scalef) o.max(z, o.r(k_cut, x7), z);
      } else {
        o.bit_xor(z, v, pool.op(k_sign));
        o.max(z, o.r(k_cut, x7), z);
        o.min(z, o.r(k_hi, x7), z);
      }
      // n = round(z * log2e)
      if (p.scalef) {
        o.mul(n, z, pool.op(k_log2e));
        f32 ? a.vrndscaleps(n, n, 0) : a.vrndscalepd(n, n, 0);
      } else {
        o.movc(n, k_magic);
        o.fma231(n, z, pool.op(k_log2e));
        o.shl_exponent(sc, n);  // sc = 2^n
        o.sub(n, n, pool.op(k_magic));
      }
      // t = z - n * ln2 (one constant, or hi and lo)
      o.mov(t, z);
      o.fma231(t, n, pool.op(k_ln2hi));
      if (p.rr == 2) o.fma231(t, n, pool.op(k_ln2lo));
      // q = c1 + c2 t + ... (Horner), e = 2^n (1 + t q)
      o.movc(q, k_c.back());
      for (std::size_t i = k_c.size() - 1; i-- > 0;) o.fma213(q, t, pool.op(k_c[i]));
      if (p.scalef) {
        o.mul(t, t, q);
        o.add(t, t, pool.op(k_one));
        f32 ? a.vscalefps(t, t, n) : a.vscalefpd(t, t, n);
      } else {
        o.mul(t, t, sc);
        o.fma213(t, q, sc);
      }
      one_over_one_plus(t);
      if (p.reflect) {
        if (!p.scalef) {
          // Below the cutoff 2^n was not representable: the result is 0 (outputs that would be
          // denormal are flushed, and the policy says so).
          if (z512) {
            f32 ? a.vcmpps(x86::k2, z, pool.reg(k_cut), 0x11) : a.vcmppd(x86::k2, z, pool.reg(k_cut), 0x11);
            a.k(x86::k2).emit(f32 ? x86::Inst::kIdVpxord : x86::Inst::kIdVpxorq, t, t, t);
          } else {
            a.emit(f32 ? x86::Inst::kIdVcmpps : x86::Inst::kIdVcmppd, x7, z, pool.op(k_cut), 0x11);
            a.vandnps(t, x7, t);
          }
        }
        // x >= 0 (sign clear): 1 - f.
        if (z512) {
          f32 ? a.vptestnmd(x86::k3, v, pool.reg(k_sign)) : a.vptestnmq(x86::k3, v, pool.reg(k_sign));
          a.k(x86::k3).emit(f32 ? x86::Inst::kIdVsubps : x86::Inst::kIdVsubpd, t, pool.reg(k_one), t);
          o.mov(v, t);
        } else {
          o.sub(x7, o.r(k_one, x7), t);
          f32 ? a.vblendvps(v, x7, t, v) : a.vblendvpd(v, x7, t, v);
        }
      } else {
        o.mov(v, t);
      }
    };
  });
}

KernelFn sigmoid_lut(const std::string& name, const SigmoidPoly& p, const StreamShape& s) {
  if (p.recip == Recip::divnr1) throw std::invalid_argument(name + ": divnr1 is written for sigmoid_poly only");
  if (s.isa != Isa::avx512f || s.dtype != DType::f32 || (p.lut != 16 && p.lut != 32))
    throw std::invalid_argument(name + ": the lut generator is written for AVX-512 f32 with 16 or 32 entries");
  const Layout L = temps(s.isa);
  const long double ln2 = std::numbers::ln2_v<long double>;
  const double ln2_hi = static_cast<double>(std::bit_cast<float>(std::bit_cast<std::uint32_t>(static_cast<float>(ln2)) & 0xFFFFF000u));
  const double ln2_lo = static_cast<double>(ln2 - ln2_hi);
  const double ln2_one = static_cast<double>(static_cast<float>(ln2));
  const int K = p.lut;
  // The direct p2 form uses c1 = 1 exactly (see below); the others fit every coefficient.
  const bool lean = !p.reflect && p.degree == 2 && p.recip == Recip::nr1;
  const std::vector<double> c = exp_poly_coefficients(p.degree, static_cast<double>(ln2 / (2 * K)), s.dtype, lean);
  // 1.5 * 2^(23 - log2 K): adding it rounds z*log2e to a multiple of 1/K and leaves j = m mod K in
  // the low bits, which is what the permute reads as its index.
  const double magic = 1.5 * std::ldexp(1.0, 23 - std::countr_zero(static_cast<unsigned>(K)));
  float table[32];
  for (int j = 0; j < K; ++j) table[j] = static_cast<float>(std::exp2(static_cast<long double>(j) / K));
  return generate(name, s, [=](ConstPool& pool) -> BodyEmitter {
    const int k_sign = pool.add_bits(kSignF32), k_one = pool.add(1.0), k_log2e = pool.add(static_cast<double>(1 / ln2)),
              k_magic = pool.add(magic), k_ln2hi = pool.add(-(p.rr == 2 ? ln2_hi : ln2_one)),
              k_ln2lo = pool.add(-ln2_lo), k_sat = pool.add(-104.0), k_hi = pool.add(88.0),
              k_tab0 = pool.add_block(table), k_tab1 = K == 32 ? pool.add_block(table + 16) : k_tab0,
              k_xlo = pool.add(-88.0), k_xhi = pool.add(104.0), k_mlog2e = pool.add(static_cast<double>(-1 / ln2)),
              k_pln2hi = pool.add(p.rr == 2 ? ln2_hi : ln2_one), k_pln2lo = pool.add(ln2_lo);
    std::vector<int> k_c, k_alt;  // coefficients, and the same with odd powers' signs flipped
    for (double ci : c) k_c.push_back(pool.add(ci));
    for (std::size_t i = 0; i < c.size(); ++i) k_alt.push_back(pool.add(i % 2 ? -c[i] : c[i]));
    return [=, &pool](x86::Assembler& a, const x86::Vec& v) {
      Ops o{a, pool, true, true};
      const x86::Vec z = L.t[0], n = L.t[1], l = L.t[2], q = L.t[4], d = L.t[5], r = L.t[6], x7 = L.t[7];
      auto lookup = [&] {
        if (K == 16) {
          a.vpermps(l, n, pool.reg(k_tab0));
        } else {
          o.movc(l, k_tab0);  // vpermt2ps overwrites its first table operand
          a.vpermt2ps(l, n, pool.reg(k_tab1));
        }
      };
      if (lean) {
        // The leanest form, every instruction doing work (16 port slots per vector, no register
        // copies): the permute comes after n is taken from nb, so it may overwrite nb; with c1 = 1,
        // w = t' - c2 t'^2 needs no constant copied in first; the Newton step overwrites d.
        const x86::Vec nb = n, nf = q, w = r;
        o.max(z, pool.reg(k_xlo), v);  // NaN stays NaN: it is the second operand
        o.min(z, pool.reg(k_xhi), z);
        o.movc(nb, k_magic);
        o.fma231(nb, z, pool.op(k_mlog2e));
        o.sub(nf, nb, pool.op(k_magic));
        if (K == 16) a.vpermps(l, nb, pool.reg(k_tab0));
        else a.vpermi2ps(nb, pool.reg(k_tab0), pool.reg(k_tab1));
        const x86::Vec lv = K == 16 ? l : nb;
        o.fma231(z, nf, pool.op(k_pln2hi));  // z becomes t' = x + n ln2 = -t
        if (p.rr == 2) o.fma231(z, nf, pool.op(k_pln2lo));
        o.mul(w, z, pool.op(k_alt[1]));      // -c2 t'
        o.fma213(w, z, z);                   // t' - c2 t'^2 = -(t + c2 t^2)
        o.fnma231(lv, lv, w);                // l (1 + t + c2 t^2)
        a.vscalefps(lv, lv, nf);
        o.add(d, lv, pool.op(k_one));
        o.rcp(v, d);
        a.vfnmadd213ps(d, v, pool.reg(k_one));  // 1 - d r
        o.fma231(v, v, d);                   // r + r (1 - d r)
        return;
      }
      if (!p.reflect) {
        // Direct, with every sign flip folded into the constants: for z = -x, n = round(z log2e)
        // comes from x times -log2e, and with t' = x + n ln2 = -t the polynomial is taken at -t'
        // (odd coefficients negated), e' = l (1 - t' q(-t')). No xor, no moves through the ALU.
        o.max(z, pool.reg(k_xlo), v);  // NaN stays NaN: it is the second operand
        o.min(z, pool.reg(k_xhi), z);
        o.movc(n, k_magic);
        o.fma231(n, z, pool.op(k_mlog2e));
        lookup();
        o.sub(n, n, pool.op(k_magic));
        o.fma231(z, n, pool.op(k_pln2hi));  // z becomes t' (x is no longer needed)
        if (p.rr == 2) o.fma231(z, n, pool.op(k_pln2lo));
        o.movc(q, k_alt.back());
        for (std::size_t i = k_alt.size() - 1; i-- > 0;) o.fma213(q, z, pool.op(k_alt[i]));
        o.mul(z, z, q);
        o.fnma231(l, l, z);  // l - l t' q(-t') = l (1 + t q(t))
        a.vscalefps(l, l, n);
        o.add(d, l, pool.op(k_one));
        if (p.recip == Recip::div) o.div(v, pool.reg(k_one), d);
        else o.reciprocal(v, d, newton_steps(p.recip), k_one, x7);
        return;
      }
      const x86::Vec t = z;
      o.bit_or(z, v, pool.op(k_sign));
      o.max(z, pool.reg(k_sat), z);
      o.movc(n, k_magic);
      o.fma231(n, z, pool.op(k_log2e));
      lookup();
      o.sub(n, n, pool.op(k_magic));  // n = z*log2e rounded to a multiple of 1/K
      o.fma231(t, n, pool.op(k_ln2hi));  // z becomes t
      if (p.rr == 2) o.fma231(t, n, pool.op(k_ln2lo));
      o.movc(q, k_c.back());
      for (std::size_t i = k_c.size() - 1; i-- > 0;) o.fma213(q, t, pool.op(k_c[i]));
      o.mul(t, t, q);
      o.fma213(t, l, l);          // l (1 + t q)
      a.vscalefps(t, t, n);       // times 2^floor(n)
      o.add(d, t, pool.op(k_one));
      if (p.recip == Recip::div) {
        o.div(t, t, d);
      } else {
        o.reciprocal(r, d, newton_steps(p.recip), k_one, x7);
        o.mul(t, t, r);
      }
      a.vptestnmd(x86::k3, v, pool.reg(k_sign));
      a.k(x86::k3).vsubps(t, pool.reg(k_one), t);
      o.mov(v, t);
    };
  });
}

namespace {
constexpr double kTableRange = 16.0;  // the table spans [-16, 16]; beyond, sigmoid is within 1.2e-7 of 0 or 1
}  // namespace

double sigmoid_table_lerp_bound(int entries) {
  const double h = 2 * kTableRange / (entries - 1);
  // Interpolation error h^2/8 max|sigmoid''| (0.0962), the tabulated values' and arithmetic's
  // rounding (a few 2^-25), what clamping at +-16 gives up (sigmoid(-16) = 1.125e-7), and the
  // rounding of the float index: up to entries * 2^-24 table steps of h, times max sigmoid' 0.25.
  return h * h / 8 * 0.0962 + 4 * 0x1p-25 + 1.13e-7 + 32 * 0x1p-24 * 0.25;
}

KernelFn sigmoid_table_lerp(const std::string& name, int entries, const StreamShape& s) {
  const bool z512 = s.isa == Isa::avx512f;
  const Layout L = temps(s.isa);
  std::vector<float> table(static_cast<std::size_t>(entries));
  const double h = 2 * kTableRange / (entries - 1);
  for (int j = 0; j < entries; ++j) table[j] = static_cast<float>(1.0 / (1.0 + std::exp(kTableRange - j * h)));
  const double scale = 1 / h;
  return generate(name, s, [=](ConstPool& pool) -> BodyEmitter {
    const int k_lo = pool.add(-kTableRange), k_hi = pool.add(kTableRange), k_scale = pool.add(scale),
              k_off = pool.add(kTableRange * scale), k_zero = pool.add_bits(0),
              k_last = pool.add_bits(static_cast<std::uint32_t>(entries - 2));
    const int tab = pool.add_table(table.data(), table.size() * sizeof(float));
    return [=, &pool](x86::Assembler& a, const x86::Vec& v) {
      Ops o{a, pool, true, z512};
      const x86::Vec u = L.t[0], fi = L.t[1], i = L.t[2], fr = L.t[3], y0 = L.t[4], y1 = L.t[5], m = L.t[6],
                     x7 = L.t[7];
      o.max(u, o.r(k_lo, x7), v);  // NaN stays NaN: it is the second operand
      o.min(u, o.r(k_hi, x7), u);
      o.movc(fi, k_off);
      o.fma231(fi, u, pool.op(k_scale));
      a.vcvttps2dq(i, fi);  // NaN gives INT_MIN: the clamps below keep every index in the table
      a.emit(x86::Inst::kIdVpmaxsd, i, i, pool.op(k_zero));
      a.emit(x86::Inst::kIdVpminsd, i, i, pool.op(k_last));
      a.vcvtdq2ps(fr, i);
      o.sub(fr, fi, fr);
      a.lea(x86::r8, x86::ptr(pool.table_label(tab)));
      if (z512) {
        a.kxnorw(x86::k2, x86::k2, x86::k2);
        a.k(x86::k2).vgatherdps(y0, x86::ptr(x86::r8, i, 2));
        a.kxnorw(x86::k2, x86::k2, x86::k2);
        a.k(x86::k2).vgatherdps(y1, x86::ptr(x86::r8, i, 2, 4));
      } else {
        a.vpcmpeqd(m, m, m);
        a.vgatherdps(y0, x86::ptr(x86::r8, i, 2), m);
        a.vpcmpeqd(m, m, m);
        a.vgatherdps(y1, x86::ptr(x86::r8, i, 2, 4), m);
      }
      o.sub(y1, y1, y0);
      o.fma231(y0, fr, y1);
      o.mov(v, y0);
    };
  });
}

KernelFn sigmoid_schraudolph(const std::string& name, bool divide, const StreamShape& s) {
  const bool z512 = s.isa == Isa::avx512f;
  const Layout L = temps(s.isa);
  return generate(name, s, [=](ConstPool& pool) -> BodyEmitter {
    const int k_sign = pool.add_bits(kSignF32), k_lo = pool.add(-87.0), k_hi = pool.add(88.0),
              k_a = pool.add(0x1p23 / std::numbers::ln2), k_b = pool.add(127.0 * 0x1p23 - 366393.0),
              k_one = pool.add(1.0);
    return [=, &pool](x86::Assembler& a, const x86::Vec& v) {
      Ops o{a, pool, true, z512};
      const x86::Vec z = L.t[0], y = L.t[1], x7 = L.t[7];
      o.bit_xor(z, v, pool.op(k_sign));
      o.max(z, o.r(k_lo, x7), z);
      o.min(z, o.r(k_hi, x7), z);
      o.movc(y, k_b);
      o.fma231(y, z, pool.op(k_a));
      a.vcvtps2dq(y, y);  // the integer's bits, read as a float, are exp(z) to a few percent
      o.add(y, y, pool.op(k_one));
      if (divide) o.div(v, o.r(k_one, x7), y);
      else o.rcp(v, y);
    };
  });
}

}  // namespace actbench::jit
