#include "kernels/kernel.hpp"

#include <stdexcept>

namespace actbench {
namespace {

FeatureSet isa_features(Isa isa) {
  switch (isa) {
    case Isa::scalar: return {};
    case Isa::sse41: return {Feature::sse41};
    case Isa::avx2: return {Feature::avx, Feature::avx2, Feature::fma};
    case Isa::avx512f: return {Feature::avx512f};
  }
  return {};
}

}  // namespace

const char* to_string(NanPolicy p) {
  switch (p) {
    case NanPolicy::propagate: return "propagate";
    case NanPolicy::zero: return "zero";
    case NanPolicy::by_sign: return "by-sign";
    case NanPolicy::one: return "one";
  }
  return "?";
}
const char* to_string(NegZeroPolicy p) {
  switch (p) {
    case NegZeroPolicy::pos_zero: return "+0";
    case NegZeroPolicy::neg_zero: return "-0";
    case NegZeroPolicy::not_applicable: return "n/a";
  }
  return "?";
}
const char* to_string(DenormalPolicy p) {
  switch (p) {
    case DenormalPolicy::preserved: return "preserved";
    case DenormalPolicy::flushed: return "flushed";
  }
  return "?";
}

Kernel::Kernel(std::string name, FeatureSet extra_features, Accuracy accuracy, SpecialPolicy policy,
               std::string description, Factory factory)
    : name_(std::move(name)),
      accuracy_(accuracy),
      policy_(std::move(policy)),
      description_(std::move(description)),
      factory_(std::move(factory)) {
  std::string why;
  auto parts = parse_kernel_name(name_, &why);
  if (!parts) throw std::invalid_argument("bad kernel name " + why);
  parts_ = *parts;
  required_ = isa_features(parts_.isa) | extra_features;
}

KernelFn Kernel::get() const {
  if (!supported())
    throw std::runtime_error("kernel " + name_ + " needs CPU features this machine lacks; it is never called here");
  return inspect();
}

KernelFn Kernel::inspect() const {
  std::call_once(once_, [this] {
    try {
      fn_ = factory_();
      if (!fn_) throw std::runtime_error("factory returned no function");
      if ((dtype() == DType::f32) != (fn_.f32 != nullptr))
        throw std::runtime_error("factory returned a function of the wrong dtype");
    } catch (...) {
      error_ = std::current_exception();
    }
  });
  if (error_) std::rethrow_exception(error_);
  return fn_;
}

}  // namespace actbench
