// ReLU generators, one per method, each parametric in ISA, dtype (where it applies) and unroll.
#pragma once

#include "jit/stream_loop.hpp"
#include "kernels/kernel.hpp"

namespace actbench::jit {

enum class ReluMethod {
  maxps,          // maxps(x, 0): NaN and -0 give the second operand, +0
  maxps_rev,      // maxps(0, x): NaN and -0 come through (x is the second operand)
  blendv,         // vblendvps on the input's own sign (AVX2)
  psrad_andn,     // mask = x >> 31 (arithmetic), x & ~mask
  pmaxsd,         // integer max of the bits with 0: negative floats are negative integers
  pmovd2m_xor,    // AVX-512DQ: sign bits to k, zero those lanes by a masked xor
  ptestnm_zero,   // AVX-512F: k = lanes whose sign bit is clear, zero-masking move keeps them
  fpclass_xor,    // AVX-512DQ: vfpclassps flags negative (finite, -0, -inf) lanes, masked xor zeroes them
};

const char* method_name(ReluMethod m);

KernelFn relu_vector(const std::string& name, ReluMethod method, const StreamShape& shape);

// Scalar general-purpose-register loops for the branch-prediction study: test/js around the
// store of x or 0, or branchless sar + andn (BMI1). `unroll` values per loop iteration.
KernelFn relu_scalar_gp(const std::string& name, bool branch, int unroll);

}  // namespace actbench::jit
