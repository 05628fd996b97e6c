// The one hand-edited list of kernels. A variant = one entry here + its code. The name carries
// op, dtype, impl, ISA and method (kernel_name.hpp); the entry adds what the name cannot say.
#include "jit/relu_generators.hpp"
#include "kernels/cpp/cpp_kernels.hpp"
#include "kernels/registry.hpp"

namespace actbench {
namespace {

KernelFn f32(KernelF32 f) { return {f, nullptr}; }
KernelFn f64(KernelF64 f) { return {nullptr, f}; }

// Special-value policies shared by families of kernels.
const SpecialPolicy kSignBit{NanPolicy::by_sign, NegZeroPolicy::pos_zero, DenormalPolicy::preserved,
                             "a set sign bit gives +0, so -NaN gives 0 and +NaN stays NaN"};
const SpecialPolicy kMaxXZero{NanPolicy::zero, NegZeroPolicy::pos_zero, DenormalPolicy::preserved,
                              "maxps(x, 0) returns its second operand, 0, when x is NaN or -0"};
const SpecialPolicy kCompareKeep{NanPolicy::propagate, NegZeroPolicy::neg_zero, DenormalPolicy::preserved,
                                 "(x < 0) ? 0 : x keeps NaN and -0 because both compare false"};
const SpecialPolicy kExactRelu{NanPolicy::propagate, NegZeroPolicy::pos_zero, DenormalPolicy::preserved, ""};
const SpecialPolicy kSigmoidIeee{NanPolicy::propagate, NegZeroPolicy::not_applicable, DenormalPolicy::preserved,
                                 "sigmoid(+inf) = 1, sigmoid(-inf) = 0"};

constexpr double kF32Ulp1 = 5.9604644775390625e-08;  // 2^-24: one ULP just below 1.0

}  // namespace

void add_all_kernels(Registry& r) {
  const FeatureSet none;
  const Accuracy exact = Accuracy::exactly();

  // ---- references ---------------------------------------------------------------------------
  r.add("relu/f32/ref/scalar/exact", none, exact, kExactRelu, "the reference: x > 0 ? x : +0",
        [] { return f32(cpp::relu_f32_ref); });
  r.add("sigmoid/f32/ref/scalar/cr", none, Accuracy::bounded(0, kF32Ulp1 / 2), kSigmoidIeee,
        "the reference: correctly rounded (double evaluation, MPFR where it cannot decide)",
        [] { return f32(cpp::sigmoid_f32_ref); });

  // ---- ReLU, sign-bit family -----------------------------------------------------------------
  r.add("relu/f32/cpp/scalar/signbit-branch", none, exact, kSignBit,
        "if (sign bit) 0 else x; the compiler may if-convert the branch",
        [] { return f32(cpp::relu_f32_signbit_branch); });
  r.add("relu/f32/cpp/scalar/signbit-mask", none, exact, kSignBit, "bits & ~(bits >> 31), branchless",
        [] { return f32(cpp::relu_f32_signbit_mask); });
  r.add("relu/f32/cpp/sse41/signbit-blendv", none, exact, kSignBit, "blendvps with the input as its own mask",
        [] { return f32(cpp::relu_f32_sse41_blendv); });
  r.add("relu/f32/cpp/avx2/signbit-blendv", none, exact, kSignBit, "vblendvps ymm with the input as its own mask",
        [] { return f32(cpp::relu_f32_avx2_blendv); });
  r.add("relu/f32/cpp/avx512f/signbit-blendm", none, exact, kSignBit,
        "sign to mask by vpcmpd, then vblendmps zmm picks zero",
        [] { return f32(cpp::relu_f32_avx512f_blendm); });
  r.add("relu/f64/cpp/scalar/signbit-branch", none, exact, kSignBit, "if (sign bit) 0 else x, in double",
        [] { return f64(cpp::relu_f64_signbit_branch); });

  // ---- ReLU, max family ----------------------------------------------------------------------
  r.add("relu/f32/cpp/scalar/stdmax", none, exact, kCompareKeep, "std::max(x, 0.0f)",
        [] { return f32(cpp::relu_f32_stdmax); });
  r.add("relu/f32/cpp/sse41/maxps", none, exact, kMaxXZero, "_mm_max_ps(x, 0), 4 lanes",
        [] { return f32(cpp::relu_f32_sse41_maxps); });
  r.add("relu/f32/cpp/avx2/maxps", none, exact, kMaxXZero, "_mm256_max_ps(x, 0), 8 lanes",
        [] { return f32(cpp::relu_f32_avx2_maxps); });
  r.add("relu/f32/cpp/avx512f/maxps", none, exact, kMaxXZero, "_mm512_max_ps(x, 0), 16 lanes, masked tail",
        [] { return f32(cpp::relu_f32_avx512f_maxps); });
  r.add("relu/f64/cpp/scalar/fmax", none, exact, kMaxXZero, "libm fmax(x, 0.0): NaN gives the other operand",
        [] { return f64(cpp::relu_f64_fmax); });

  // ---- ReLU, JIT (asmjit): maxps(x, 0) swept over ISA width and unroll ---------------------
  for (Isa isa : {Isa::sse41, Isa::avx2, Isa::avx512f})
    for (int unroll : {1, 4}) {
      const std::string name = std::string("relu/f32/jit/") + to_string(isa) + "/maxps-u" + std::to_string(unroll);
      r.add(name, none, exact, kMaxXZero, "generated loop of maxps(x, 0), " + std::to_string(unroll) + " vectors per iteration",
            [name, isa, unroll] { return jit::relu_maxps(name, {isa, DType::f32, unroll}); });
    }

  // ---- Sigmoid through libm ------------------------------------------------------------------
  r.add("sigmoid/f32/cpp/scalar/libm", none, Accuracy::bounded(2, 2 * kF32Ulp1), kSigmoidIeee,
        "1/(1+expf(-x)) with glibc expf",
        [] { return f32(cpp::sigmoid_f32_libm); });
  r.add("sigmoid/f32/cpp/scalar/libm-f64", none, Accuracy::bounded(1, kF32Ulp1), kSigmoidIeee,
        "1/(1+exp(-x)) evaluated in double, rounded once to float",
        [] { return f32(cpp::sigmoid_f32_libm_f64); });
  r.add("sigmoid/f32/cpp/scalar/libm-tanh", none, Accuracy::bounded(Accuracy{}.max_ulp, 2 * kF32Ulp1), kSigmoidIeee,
        "0.5 + 0.5*tanhf(x/2): cancellation for negative x, so only an absolute bound",
        [] { return f32(cpp::sigmoid_f32_libm_tanh); });
  r.add("sigmoid/f64/cpp/scalar/libm", none, Accuracy::bounded(2, 2 * 1.1102230246251565e-16), kSigmoidIeee,
        "1/(1+exp(-x)) in double",
        [] { return f64(cpp::sigmoid_f64_libm); });
  r.add("sigmoid/f64/cpp/scalar/libm-tanh", none, Accuracy::bounded(Accuracy{}.max_ulp, 2 * 1.1102230246251565e-16),
        kSigmoidIeee, "0.5 + 0.5*tanh(x/2) in double: an absolute bound only",
        [] { return f64(cpp::sigmoid_f64_libm_tanh); });
}

}  // namespace actbench
