// Sigmoid generators. One written against the emitter covers the whole exp-polynomial family:
//   exp by Cody-Waite reduction with one or two ln2 constants (rr1, rr2) and a polynomial of
//   degree 2-6 (p2..p6), scaled by an exponent shift or vscalefps (scalef); the reciprocal by
//   division (div) or rcpps/vrcp14ps plus 1 or 2 Newton-Raphson steps (nr1, nr2); computed on
//   z = -|x| and reflected (f or 1-f), or directly as 1/(1+exp(-x)) on a clamped input (direct).
// Beside it: a direct sigmoid table with linear interpolation read by gathers, and Schraudolph's
// bit trick (exp from the bits of a*x + b).
#pragma once

#include "jit/stream_loop.hpp"
#include "kernels/kernel.hpp"

namespace actbench::jit {

// divnr1 (direct vscalefps only): vectors in even registers divide, odd ones take vrcp14ps and one
// Newton step, so the divider and the FMA ports work side by side.
enum class Recip { div, nr1, nr2, divnr1 };

struct SigmoidPoly {
  int rr = 2;          // ln2 constants in the range reduction: 1 or 2
  int degree = 5;      // of the exp polynomial: 2..6
  Recip recip = Recip::div;
  bool reflect = true;  // -|x| and reflect; false: 1/(1+exp(-x)) with x clamped
  bool scalef = false;  // vscalefps (AVX-512) instead of building 2^n in the exponent bits
  int lut = 0;          // AVX-512: 2^(j/lut) from a table in registers (16: vpermps, 32: vpermi2ps); implies scalef
  std::string method() const;  // e.g. "exp-rr2-p5-div", "exp-rr1-p3-nr1-direct-scalef"
};

KernelFn sigmoid_poly(const std::string& name, const SigmoidPoly& p, const StreamShape& shape);

// exp(z) = 2^(j/K) * 2^floor(m/K) * p(t): the table sits in one or two zmm registers and is read
// by a permute, so the polynomial is short (p2, p3). Written for AVX-512 f32.
KernelFn sigmoid_lut(const std::string& name, const SigmoidPoly& p, const StreamShape& shape);

// Sigmoid tabulated at `entries` points over [-16, 16], linearly interpolated, read with
// vgatherdps (AVX2, AVX-512). Returns the kernel; `max_abs` gets the error bound it declares.
KernelFn sigmoid_table_lerp(const std::string& name, int entries, const StreamShape& shape);
double sigmoid_table_lerp_bound(int entries);

// Schraudolph (1999): exp(z) ~ float bits of int(z * 2^23/ln2 + 127*2^23 - 366393), then
// 1/(1 + e) by division or by an unrefined reciprocal estimate.
KernelFn sigmoid_schraudolph(const std::string& name, bool divide, const StreamShape& shape);

}  // namespace actbench::jit
