// Polynomial coefficients for exp on the reduced range, fitted when a kernel is generated, so the
// degree is a free parameter of the sweep instead of a table copied from somewhere.
#pragma once

#include <vector>

#include "kernels/kernel_name.hpp"

namespace actbench::jit {

// c[0..degree-1] such that exp(t) ~ 1 + t*(c[0] + c[1] t + ... + c[degree-1] t^(degree-1)) on
// [-r, r], near-minimax in relative error (Lawson's iteratively reweighted least squares on
// Chebyshev nodes, long double), each coefficient rounded to the dtype.
// With unit_linear, c[0] is fixed at exactly 1 (the fit is over the rest), which lets a
// generator form t + c2 t^2 + ... without first copying a constant into a register.
std::vector<double> exp_poly_coefficients(int degree, double r, DType dtype, bool unit_linear = false);

// Largest relative error of that polynomial, evaluated in long double on a fine grid (no rounding
// of the evaluation): the approximation's own share of a kernel's error.
double exp_poly_max_rel_error(const std::vector<double>& c, double r);

}  // namespace actbench::jit
