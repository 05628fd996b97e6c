// ReLU generators. Each returns a callable kernel for the given shape.
#pragma once

#include "jit/stream_loop.hpp"
#include "kernels/kernel.hpp"

namespace actbench::jit {

// maxps(x, 0): x as the first source, so NaN and -0 inputs give the second operand, +0.
KernelFn relu_maxps(const std::string& name, const StreamShape& shape);

}  // namespace actbench::jit
