// A kernel descriptor: everything the tests, benches, CLI and reports need to know about one
// variant. The name is the source of truth for op/dtype/impl/isa/method; see kernel_name.hpp.
#pragma once

#include <cstddef>
#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <string>

#include "kernels/cpu_features.hpp"
#include "kernels/kernel_name.hpp"

namespace actbench {

// One array calling convention for every kind; in == out must work.
using KernelF32 = void (*)(const float* in, float* out, std::size_t n);
using KernelF64 = void (*)(const double* in, double* out, std::size_t n);

struct KernelFn {
  KernelF32 f32 = nullptr;
  KernelF64 f64 = nullptr;
  // JIT kernels also come as a latency loop (each value depends on the previous result, carried
  // in a register) and as the same loop with an empty body, whose cost the bench subtracts.
  KernelF32 latency_f32 = nullptr, latency_base_f32 = nullptr;
  KernelF64 latency_f64 = nullptr, latency_base_f64 = nullptr;
  std::string listing;  // the generated code, for `actbench disasm` (JIT kernels)
  explicit operator bool() const { return f32 != nullptr || f64 != nullptr; }
};

// Declared accuracy. ReLU kernels are exact. Sigmoid kernels bound the error in ULP where the
// correctly rounded result is a normal number, and the absolute error everywhere (which is what
// matters where the result is denormal or flushed to zero).
struct Accuracy {
  bool exact = false;
  double max_ulp = std::numeric_limits<double>::infinity();
  double max_abs = std::numeric_limits<double>::infinity();

  static Accuracy exactly() { return {true, 0.0, 0.0}; }
  static Accuracy bounded(double ulp, double abs) { return {false, ulp, abs}; }
};

// What a kernel returns on special inputs. Variants legitimately differ here (maxps returns its
// second operand when either is NaN); the policy records the behaviour and the tests hold each
// kernel to its own policy.
enum class NanPolicy {
  propagate,  // NaN in, NaN out
  zero,       // NaN in, +0 out (maxps(x, 0))
  by_sign,    // a sign-bit test: -NaN gives 0, +NaN stays NaN
  one,        // NaN in, 1 out (a float-to-int conversion turned it into an ordinary value)
};
enum class NegZeroPolicy {
  pos_zero,   // relu(-0) = +0
  neg_zero,   // relu(-0) = -0 (x kept because -0 < 0 is false)
  not_applicable,
};
enum class DenormalPolicy {
  preserved,  // denormal inputs are computed like any other value
  flushed,    // denormal inputs or outputs are treated as zero (FTZ/DAZ style)
};

struct SpecialPolicy {
  NanPolicy nan = NanPolicy::propagate;
  NegZeroPolicy neg_zero = NegZeroPolicy::not_applicable;
  DenormalPolicy denormals = DenormalPolicy::preserved;
  std::string note;  // anything else a reader should know (clamps, saturation)
  // Finite inputs at least this large in magnitude may give NaN (a peer's range reduction that
  // breaks down); infinity for every kernel that handles the whole range.
  double nan_above = std::numeric_limits<double>::infinity();
  // The ULP bound covers results at least this large; below, only the absolute bound holds (a
  // peer that loses precision as its results approach the denormals). 0: every normal result.
  double ulp_from = 0;
};

const char* to_string(NanPolicy p);
const char* to_string(NegZeroPolicy p);
const char* to_string(DenormalPolicy p);

class Kernel {
 public:
  using Factory = std::function<KernelFn()>;

  Kernel(std::string name, FeatureSet extra_features, Accuracy accuracy, SpecialPolicy policy,
         std::string description, Factory factory);
  Kernel(const Kernel&) = delete;
  Kernel& operator=(const Kernel&) = delete;

  const std::string& name() const { return name_; }
  const KernelName& parts() const { return parts_; }
  Op op() const { return parts_.op; }
  DType dtype() const { return parts_.dtype; }
  Impl impl() const { return parts_.impl; }
  Isa isa() const { return parts_.isa; }
  const std::string& method() const { return parts_.method; }
  FeatureSet required() const { return required_; }
  const Accuracy& accuracy() const { return accuracy_; }
  const SpecialPolicy& policy() const { return policy_; }
  const std::string& description() const { return description_; }

  bool supported_on(FeatureSet cpu) const { return cpu.has_all(required_); }
  bool supported() const { return supported_on(host_features()); }

  // Obtains the function on first use (JIT kernels are compiled here). Throws if the host
  // cannot run the kernel: an unsupported kernel is never called.
  KernelFn get() const;
  // Generates the kernel without the support check, for inspection (`disasm`) only: the result
  // must not be called unless supported().
  KernelFn inspect() const;

 private:
  std::string name_;
  KernelName parts_;
  FeatureSet required_;
  Accuracy accuracy_;
  SpecialPolicy policy_;
  std::string description_;
  Factory factory_;
  mutable std::once_flag once_;
  mutable KernelFn fn_;
  mutable std::exception_ptr error_;
};

}  // namespace actbench
