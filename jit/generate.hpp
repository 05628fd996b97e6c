// Turns a body into a kernel: the throughput function, the register-carried latency function and
// its empty-body baseline, with the throughput code's listing for `actbench disasm`.
#pragma once

#include <functional>
#include <string>

#include "jit/stream_loop.hpp"
#include "kernels/kernel.hpp"

namespace actbench::jit {

// Registers the constants a body needs in `pool` and returns the body.
using BodyFactory = std::function<BodyEmitter(ConstPool& pool)>;

KernelFn generate(const std::string& name, const StreamShape& shape, const BodyFactory& make_body);

// Assembles the three functions of a kernel with one emitter: emit(a, latency, with_body).
using KernelEmitter = std::function<void(asmjit::x86::Assembler&, bool latency, bool with_body)>;
KernelFn generate_kernel(const std::string& name, DType dtype, const KernelEmitter& emit);

}  // namespace actbench::jit
