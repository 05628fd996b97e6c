// The one hand-edited list of kernels. A variant = one entry here + its code. The name carries
// op, dtype, impl, ISA and method (kernel_name.hpp); the entry adds what the name cannot say.
#include "jit/relu_generators.hpp"
#include "jit/sigmoid_generators.hpp"
#include "kernels/asm/asm_kernels.hpp"
#include "kernels/cpp/cpp_kernels.hpp"
#include "kernels/peers/peers.hpp"
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

const SpecialPolicy kFpclass{NanPolicy::propagate, NegZeroPolicy::pos_zero, DenormalPolicy::preserved,
                             "vfpclassps flags negative lanes; NaN of either sign is not negative and stays NaN"};
const SpecialPolicy kSigmoidTable{NanPolicy::propagate, NegZeroPolicy::not_applicable, DenormalPolicy::flushed,
                                  "x clamped to [-16, 16]: results beyond are sigmoid(+-16)"};
const SpecialPolicy kSchraudolphPolicy{NanPolicy::one, NegZeroPolicy::not_applicable, DenormalPolicy::flushed,
                                       "NaN becomes INT_MIN in the conversion, whose bits are -0: sigmoid(NaN) = 1"};

constexpr double kF32Ulp1 = 5.9604644775390625e-08;  // 2^-24: one ULP just below 1.0
constexpr double kSchraudolphAbs = 0.01;  // measured 0.0077 on the dense sweep

constexpr double kAsmSigmoidUlp = 3;  // measured over every 61st float bit pattern
constexpr double kAsmSigmoidP6Ulp = 2;
constexpr double kAsmSigmoidAvx2Ulp = 2;  // measured over all 2^32 floats (actbench accuracy --exhaustive)

// Peers' measured behaviour (tests/test_kernels.cpp holds them to it): max ULP and max absolute
// error over every 61st float bit pattern, special values by `actbench eval`.
const SpecialPolicy kPeerXnnSigmoid{NanPolicy::propagate, NegZeroPolicy::not_applicable, DenormalPolicy::flushed,
                                    "XNNPACK runs with denormals flushed: results below 2^-126 are 0; some finite "
                                    "|x| >= 4.29e26 give NaN (first at 4.29038e26; 1e30 too, 3e38 not)",
                                    4.29e26};
// XNNPACK's AVX2 microkernel (rr1_p5_div): one ln2 constant, so the error grows with |x| (5 ULP
// from x = -69), and with denormals flushed its 2^n * p product breaks down below x = -77.
SpecialPolicy xnn_sigmoid_avx2_policy() {
  SpecialPolicy p = kPeerXnnSigmoid;
  p.note = "XNNPACK runs with denormals flushed; its AVX2 kernel's results below 2^-110 (x < -76.2) lose precision "
           "(thousands to millions of ULP, absolute error under 1e-33); some finite |x| >= 4.29e26 give NaN";
  p.ulp_from = 0x1p-110;
  return p;
}
const SpecialPolicy kPeerXnnRelu{NanPolicy::zero, NegZeroPolicy::pos_zero, DenormalPolicy::flushed,
                                 "NaN and -0 give +0; runs with denormals flushed, so denormal inputs give 0"};
const SpecialPolicy kPeerDnnSigmoid{NanPolicy::propagate, NegZeroPolicy::not_applicable, DenormalPolicy::flushed,
                                    "results are flushed to 0 from about x = -87, before they turn denormal; finite "
                                    "|x| >= 4.642e26 give NaN (exhaustive run: 301M such inputs)",
                                    4.642e26};
const SpecialPolicy kPeerDnnRelu{NanPolicy::zero, NegZeroPolicy::pos_zero, DenormalPolicy::preserved, "NaN and -0 give +0"};
const SpecialPolicy kPeerEigenSigmoid{NanPolicy::propagate, NegZeroPolicy::not_applicable, DenormalPolicy::preserved,
                                      "denormal results kept"};
const SpecialPolicy kPeerEigenRelu{NanPolicy::propagate, NegZeroPolicy::neg_zero, DenormalPolicy::preserved,
                                   "cwiseMax(0) keeps NaN and -0"};
const SpecialPolicy kPeerExpDiv{NanPolicy::propagate, NegZeroPolicy::not_applicable, DenormalPolicy::flushed,
                                "exp(-x) overflows to inf for x < -88.7: sigmoid 0 there"};

}  // namespace

std::vector<std::string> absent_peers() {
  std::vector<std::string> out;
  if (!ACTBENCH_HAVE_XNNPACK) out.push_back("xnnpack");
  if (!ACTBENCH_HAVE_ONEDNN) out.push_back("onednn");
  if (!ACTBENCH_HAVE_EIGEN) out.push_back("eigen");
  if (!ACTBENCH_HAVE_SLEEF) out.push_back("sleef");
  if (!ACTBENCH_HAVE_LIBMVEC) out.push_back("libmvec");
  return out;
}

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

  // ---- ReLU, JIT (asmjit): every method, swept over ISA width and unroll -------------------
  {
    struct ReluJit {
      jit::ReluMethod method;
      Isa isa;
      DType dtype;
      int unroll;
    };
    using M = jit::ReluMethod;
    const ReluJit sweep[] = {
        {M::maxps, Isa::sse41, DType::f32, 1},          {M::maxps, Isa::sse41, DType::f32, 4},
        {M::maxps, Isa::avx2, DType::f32, 1},           {M::maxps, Isa::avx2, DType::f32, 4},
        {M::maxps, Isa::avx512f, DType::f32, 1},        {M::maxps, Isa::avx512f, DType::f32, 4},
        {M::maxps_rev, Isa::avx2, DType::f32, 4},       {M::maxps_rev, Isa::avx512f, DType::f32, 4},
        {M::blendv, Isa::avx2, DType::f32, 1},          {M::blendv, Isa::avx2, DType::f32, 4},
        {M::psrad_andn, Isa::sse41, DType::f32, 4},     {M::psrad_andn, Isa::avx2, DType::f32, 4},
        {M::psrad_andn, Isa::avx512f, DType::f32, 1},   {M::psrad_andn, Isa::avx512f, DType::f32, 4},
        {M::pmaxsd, Isa::sse41, DType::f32, 4},         {M::pmaxsd, Isa::avx2, DType::f32, 4},
        {M::pmaxsd, Isa::avx512f, DType::f32, 1},       {M::pmaxsd, Isa::avx512f, DType::f32, 4},
        {M::pmovd2m_xor, Isa::avx512f, DType::f32, 4},  {M::ptestnm_zero, Isa::avx512f, DType::f32, 1},
        {M::ptestnm_zero, Isa::avx512f, DType::f32, 4}, {M::fpclass_xor, Isa::avx512f, DType::f32, 4},
        {M::maxps, Isa::avx512f, DType::f64, 4},
    };
    for (const ReluJit& j : sweep) {
      std::string method = jit::method_name(j.method);
      if (j.dtype == DType::f64 && method == "maxps") method = "maxpd";
      const std::string name = std::string("relu/") + to_string(j.dtype) + "/jit/" + to_string(j.isa) + "/" + method +
                               "-u" + std::to_string(j.unroll);
      const bool dq = j.method == M::pmovd2m_xor || j.method == M::fpclass_xor;
      const SpecialPolicy& policy = j.method == M::maxps         ? kMaxXZero
                                    : j.method == M::maxps_rev   ? kCompareKeep
                                    : j.method == M::fpclass_xor ? kFpclass
                                                                 : kSignBit;
      r.add(name, dq ? FeatureSet{Feature::avx512dq} : none, exact, policy,
            std::string("generated ") + method + ", " + std::to_string(j.unroll) + " vectors per iteration",
            [name, j] { return jit::relu_vector(name, j.method, {j.isa, j.dtype, j.unroll}); });
    }
    for (bool branch : {true, false})
      for (int unroll : {1, 4}) {
        const std::string name = std::string("relu/f32/jit/scalar/") + (branch ? "signbit-test-js" : "signbit-sar-andn") +
                                 "-u" + std::to_string(unroll);
        r.add(name, branch ? none : FeatureSet{Feature::bmi1}, exact, kSignBit,
              branch ? "generated scalar loop: test eax, eax / js over the store of x or 0"
                     : "generated scalar loop: sar 31 then andn (BMI1), no branch",
              [name, branch, unroll] { return jit::relu_scalar_gp(name, branch, unroll); });
      }
  }

  // ---- Sigmoid, JIT: exp polynomial family, tables, Schraudolph -----------------------------
  {
    using jit::Recip;
    struct PolyJit {
      jit::SigmoidPoly p;
      Isa isa;
      DType dtype;
      int unroll;
      double max_ulp;  // declared: the maximum measured over all 2^32 floats (actbench accuracy --exhaustive)
    };
    const PolyJit sweep[] = {
        {{2, 5, Recip::div, true, false}, Isa::avx512f, DType::f32, 1, 3},
        {{2, 5, Recip::div, true, false}, Isa::avx512f, DType::f32, 2, 3},
        {{2, 5, Recip::div, true, false}, Isa::avx512f, DType::f32, 4, 3},
        {{2, 5, Recip::nr1, true, false}, Isa::avx512f, DType::f32, 2, 4},
        {{2, 5, Recip::nr2, true, false}, Isa::avx512f, DType::f32, 2, 4},
        {{1, 5, Recip::div, true, false}, Isa::avx512f, DType::f32, 2, 5},
        {{2, 2, Recip::div, true, false}, Isa::avx512f, DType::f32, 2, 27524},
        {{2, 3, Recip::div, true, false}, Isa::avx512f, DType::f32, 2, 1346},
        {{2, 4, Recip::div, true, false}, Isa::avx512f, DType::f32, 2, 44},
        {{2, 6, Recip::div, true, false}, Isa::avx512f, DType::f32, 2, 2},
        {{2, 5, Recip::div, false, false}, Isa::avx512f, DType::f32, 2, 3},
        {{2, 5, Recip::nr1, false, false}, Isa::avx512f, DType::f32, 2, 3},
        {{2, 5, Recip::nr2, false, false}, Isa::avx512f, DType::f32, 2, 3},
        {{2, 5, Recip::div, true, true}, Isa::avx512f, DType::f32, 2, 4},
        {{2, 5, Recip::nr2, true, true}, Isa::avx512f, DType::f32, 2, 4},
        {{1, 3, Recip::nr1, true, false}, Isa::avx512f, DType::f32, 2, 1348},
        {{1, 3, Recip::nr1, false, false}, Isa::avx512f, DType::f32, 2, 1385},
        {{2, 5, Recip::div, true, false}, Isa::avx2, DType::f32, 2, 3},
        {{2, 5, Recip::nr2, true, false}, Isa::avx2, DType::f32, 2, 4},
        {{2, 5, Recip::nr1, false, false}, Isa::avx2, DType::f32, 2, 4},
        {{1, 3, Recip::nr1, true, false}, Isa::avx2, DType::f32, 2, 1347},
        {{2, 6, Recip::div, false, false}, Isa::avx2, DType::f32, 2, 2},
        {{2, 3, Recip::nr1, false, true, 16}, Isa::avx512f, DType::f32, 2, 3},
        {{2, 2, Recip::nr1, false, true, 32}, Isa::avx512f, DType::f32, 2, 6},
        {{2, 3, Recip::nr1, true, true, 16}, Isa::avx512f, DType::f32, 2, 4},
        {{2, 3, Recip::nr2, false, true, 16}, Isa::avx512f, DType::f32, 2, 3},
        {{2, 3, Recip::div, true, true, 16}, Isa::avx512f, DType::f32, 2, 3},
        {{2, 2, Recip::nr1, false, true, 32}, Isa::avx512f, DType::f32, 4, 6},
        {{2, 6, Recip::nr1, false, true}, Isa::avx512f, DType::f32, 2, 2},
        {{2, 6, Recip::div, false, true}, Isa::avx512f, DType::f32, 2, 2},
        {{2, 6, Recip::divnr1, false, true}, Isa::avx512f, DType::f32, 2, 2},
        {{2, 6, Recip::divnr1, false, true}, Isa::avx512f, DType::f32, 4, 2},
        {{2, 6, Recip::nr1, true, true}, Isa::avx512f, DType::f32, 2, 3},
        {{2, 4, Recip::nr1, false, true, 16}, Isa::avx512f, DType::f32, 2, 3},
        {{2, 11, Recip::div, true, false}, Isa::avx512f, DType::f64, 2, 3},
        {{2, 6, Recip::div, true, false}, Isa::avx512f, DType::f64, 2, 1.7e7},
    };
    for (const PolyJit& j : sweep) {
      const std::string name = std::string("sigmoid/") + to_string(j.dtype) + "/jit/" + to_string(j.isa) + "/" +
                               j.p.method() + "-u" + std::to_string(j.unroll);
      const double one_ulp = j.dtype == DType::f32 ? kF32Ulp1 : 1.1102230246251565e-16;
      const SpecialPolicy policy{NanPolicy::propagate, NegZeroPolicy::not_applicable,
                                 j.p.reflect && !j.p.scalef && !j.p.lut ? DenormalPolicy::flushed : DenormalPolicy::preserved,
                                 j.p.reflect ? (j.p.scalef || j.p.lut ? "exp scaled by vscalefps: denormal results kept"
                                                           : "results below 2^-126 (x < -87.34) are flushed to 0")
                                             : "x clamped before exp: results near 0 are clamped at about 1e-38"};
      r.add(name, none, Accuracy::bounded(j.max_ulp, (j.max_ulp + 1) * one_ulp), policy,
            "generated sigmoid, " + j.p.method() + ", " + std::to_string(j.unroll) + " vectors per iteration",
            [name, j] {
              return j.p.lut ? jit::sigmoid_lut(name, j.p, {j.isa, j.dtype, j.unroll})
                             : jit::sigmoid_poly(name, j.p, {j.isa, j.dtype, j.unroll});
            });
    }
    const std::pair<Isa, int> tables[] = {{Isa::avx512f, 256}, {Isa::avx512f, 4096}, {Isa::avx512f, 65536}, {Isa::avx2, 4096}};
    for (const auto& [isa, entries] : tables) {
      const std::string name = std::string("sigmoid/f32/jit/") + to_string(isa) + "/table-lerp-t" + std::to_string(entries) + "-u2";
      r.add(name, none, Accuracy::bounded(Accuracy{}.max_ulp, jit::sigmoid_table_lerp_bound(entries)), kSigmoidTable,
            "generated: sigmoid tabulated at " + std::to_string(entries) + " points on [-16, 16], two vgatherdps, linear interpolation",
            [name, isa, entries] { return jit::sigmoid_table_lerp(name, entries, {isa, DType::f32, 2}); });
    }
    const std::pair<Isa, bool> schraudolph[] = {{Isa::avx512f, false}, {Isa::avx512f, true}, {Isa::avx2, false}};
    for (const auto& [isa, divide] : schraudolph) {
      const std::string name = std::string("sigmoid/f32/jit/") + to_string(isa) + "/schraudolph-" + (divide ? "div" : "rcp") + "-u2";
      r.add(name, none, Accuracy::bounded(Accuracy{}.max_ulp, kSchraudolphAbs), kSchraudolphPolicy,
            std::string("generated: Schraudolph's exp bit trick, then ") + (divide ? "a division" : "an unrefined reciprocal estimate"),
            [name, isa, divide] { return jit::sigmoid_schraudolph(name, divide, {isa, DType::f32, 2}); });
    }
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

  // ---- Hand-written assembly (kernels/asm/*.S) ------------------------------------------------
  r.add("relu/f32/asm/scalar/signbit-test-js-u4", none, exact, kSignBit, "hand-written: test/js per value, 4 per iteration",
        [] { return f32(actbench_asm_relu_f32_signbit_branch_u4); });
  r.add("relu/f32/asm/scalar/signbit-sar-andn-u4", FeatureSet{Feature::bmi1}, exact, kSignBit,
        "hand-written: sar 31 + andn (BMI1), 4 independent chains", [] { return f32(actbench_asm_relu_f32_signbit_sar_andn_u4); });
  r.add("relu/f32/asm/sse41/maxps-u4", none, exact, kMaxXZero, "hand-written: maxps(x, 0), 4 xmm per iteration",
        [] { return f32(actbench_asm_relu_f32_maxps_sse41_u4); });
  r.add("relu/f32/asm/avx2/maxps-u4", none, exact, kMaxXZero, "hand-written: vmaxps(x, 0), 4 ymm per iteration",
        [] { return f32(actbench_asm_relu_f32_maxps_avx2_u4); });
  r.add("relu/f32/asm/avx512f/maxps-u4", none, exact, kMaxXZero, "hand-written: vmaxps(x, 0), 4 zmm per iteration, masked tail",
        [] { return f32(actbench_asm_relu_f32_maxps_avx512f_u4); });
  r.add("sigmoid/f32/asm/avx512f/exp-rr2-p5-nr1-direct-scalef-u2", none, Accuracy::bounded(kAsmSigmoidUlp, (kAsmSigmoidUlp + 1) * kF32Ulp1),
        SpecialPolicy{NanPolicy::propagate, NegZeroPolicy::not_applicable, DenormalPolicy::preserved,
                      "x clamped to [-88, 104]; vscalefps keeps tiny results"},
        "hand-written: 1/(1+exp(-x)), exp by rr2 + degree 5 + vscalefps, vrcp14ps + 1 Newton step, 2 zmm per iteration",
        [] { return f32(actbench_asm_sigmoid_f32_exp_p5_nr1_avx512f_u2); });
  r.add("sigmoid/f32/asm/avx512f/exp-rr2-p6-nr1-direct-scalef-u2", none, Accuracy::bounded(kAsmSigmoidP6Ulp, (kAsmSigmoidP6Ulp + 1) * kF32Ulp1),
        SpecialPolicy{NanPolicy::propagate, NegZeroPolicy::not_applicable, DenormalPolicy::preserved,
                      "x clamped to [-88, 104]; vscalefps keeps tiny results"},
        "hand-written: as the p5 kernel with a degree-6 polynomial",
        [] { return f32(actbench_asm_sigmoid_f32_exp_p6_nr1_avx512f_u2); });
  using ArrayF32 = void (*)(const float*, float*, std::size_t);
  for (const auto& [name, fn] : {std::pair<const char*, ArrayF32>{"sigmoid/f32/asm/avx2/exp-rr2-p6-div-direct-u1", actbench_asm_sigmoid_f32_exp_p6_div_avx2_u1},
                                 std::pair<const char*, ArrayF32>{"sigmoid/f32/asm/avx2/exp-rr2-p6-div-direct-u2", actbench_asm_sigmoid_f32_exp_p6_div_avx2_u2}})
    r.add(name, FeatureSet{Feature::fma}, Accuracy::bounded(kAsmSigmoidAvx2Ulp, (kAsmSigmoidAvx2Ulp + 1) * kF32Ulp1),
          SpecialPolicy{NanPolicy::propagate, NegZeroPolicy::not_applicable, DenormalPolicy::preserved,
                        "x clamped to [-87.6, 88]: results below sigmoid(-87.6) = 9.6e-39 stay there"},
          "hand-written: s / ((1 + s) - t' q(-t')), s = 2^-n by an integer subtract, exp by rr2 + degree 6, vdivps; "
          "constants in registers (u2: all but four)",
          [fn] { return f32(fn); });
  r.add("sigmoid/f32/asm/scalar/expf-call", none, Accuracy::bounded(2, 2 * kF32Ulp1), kSigmoidIeee,
        "hand-written loop calling glibc expf through the PLT per value: the cost of a libm call",
        [] { return f32(actbench_asm_sigmoid_f32_expf_call); });

  // ---- Peers: the libraries people ship, behind the same signature --------------------------
  // Policies and bounds are what the tests measured on them (tests/test_kernels.cpp), whatever
  // they are; accuracy over every 61st float bit pattern, as for ours.
  // XNNPACK and oneDNN choose their code at run time from the CPU (the real one: hiding features
  // from actbench does not hide them from the library), so each is registered once, under the ISA
  // it picks here. Eigen, SLEEF and libmvec are compiled per ISA and registered at each.
  [[maybe_unused]] const FeatureSet cpu = detect_features();
  [[maybe_unused]] const FeatureSet fma{Feature::fma};
  [[maybe_unused]] auto picks = [&](FeatureSet avx512) {
    return cpu.has_all(avx512) ? "avx512f" : cpu.has_all({Feature::avx2, Feature::fma}) ? "avx2" : "sse41";
  };
#if ACTBENCH_HAVE_XNNPACK
  {
    const std::string isa = picks({Feature::avx512f});
    const bool avx512 = isa == "avx512f";
    r.add("sigmoid/f32/peer/" + isa + "/xnnpack", none, Accuracy::bounded(avx512 ? 4 : 5, 1e-7),
          avx512 ? kPeerXnnSigmoid : xnn_sigmoid_avx2_policy(),
          "XNNPACK sigmoid operator (Debian 2022 build; it picks its " + isa + " microkernel here), setup + run per call",
          [] { return f32(peers::xnnpack_sigmoid_f32); });
    r.add("relu/f32/peer/" + isa + "/xnnpack", none, exact, kPeerXnnRelu, "XNNPACK clamp(0, +inf) operator as ReLU",
          [] { return f32(peers::xnnpack_relu_f32); });
  }
#endif
#if ACTBENCH_HAVE_ONEDNN
  {
    const std::string isa = picks({Feature::avx512f, Feature::avx512bw, Feature::avx512dq, Feature::avx512vl});
    r.add("sigmoid/f32/peer/" + isa + "/onednn", none, Accuracy::bounded(1.2e7, 1e-7), kPeerDnnSigmoid,
          "oneDNN eltwise_logistic primitive (created once per length), one thread; its " + isa + " JIT code here",
          [] { return f32(peers::onednn_sigmoid_f32); });
    r.add("relu/f32/peer/" + isa + "/onednn", none, exact, kPeerDnnRelu, "oneDNN eltwise_relu primitive, alpha 0, one thread",
          [] { return f32(peers::onednn_relu_f32); });
  }
#endif
#if ACTBENCH_HAVE_EIGEN
  struct EigenBuild {
    const char *isa, *built_for;
    FeatureSet extra;
    void (*sigmoid_f32)(const float*, float*, std::size_t);
    void (*relu_f32)(const float*, float*, std::size_t);
    void (*sigmoid_f64)(const double*, double*, std::size_t);
  };
  for (const EigenBuild& e : {EigenBuild{"avx512f", "AVX-512", none, peers::eigen_sigmoid_f32_avx512f,
                                         peers::eigen_relu_f32_avx512f, peers::eigen_sigmoid_f64_avx512f},
                              EigenBuild{"avx2", "AVX2 + FMA", fma, peers::eigen_sigmoid_f32_avx2, peers::eigen_relu_f32_avx2,
                                         peers::eigen_sigmoid_f64_avx2}}) {
    const std::string isa = e.isa, built = std::string(", compiled for ") + e.built_for;
    r.add("sigmoid/f32/peer/" + isa + "/eigen", e.extra, Accuracy::bounded(8950, 1.8e-7), kPeerEigenSigmoid,
          "Eigen 3.4 ArrayXf::logistic()" + built, [f = e.sigmoid_f32] { return f32(f); });
    r.add("relu/f32/peer/" + isa + "/eigen", e.extra, exact, kPeerEigenRelu, "Eigen 3.4 ArrayXf::cwiseMax(0)" + built,
          [f = e.relu_f32] { return f32(f); });
    r.add("sigmoid/f64/peer/" + isa + "/eigen", e.extra, Accuracy::bounded(2, 1.7e-16), kPeerEigenSigmoid,
          "Eigen 3.4 ArrayXd::logistic()" + built, [f = e.sigmoid_f64] { return f64(f); });
  }
#endif
#if ACTBENCH_HAVE_SLEEF
  r.add("sigmoid/f32/peer/avx512f/sleef", none, Accuracy::bounded(2, 1e-7), kPeerExpDiv,
        "SLEEF Sleef_expf16_u10 (1.0 ULP exp), then 1/(1+e) by vdivps", [] { return f32(peers::sleef_sigmoid_f32_avx512f); });
  r.add("sigmoid/f32/peer/avx2/sleef", fma, Accuracy::bounded(2, 1e-7), kPeerExpDiv,
        "SLEEF Sleef_expf8_u10avx2 (1.0 ULP exp), then 1/(1+e) by vdivps", [] { return f32(peers::sleef_sigmoid_f32_avx2); });
#endif
#if ACTBENCH_HAVE_LIBMVEC
  r.add("sigmoid/f32/peer/avx512f/glibc-libmvec", none, Accuracy::bounded(4, 1e-7), kPeerExpDiv,
        "glibc libmvec _ZGVeN16v_expf, then 1/(1+e) by vdivps", [] { return f32(peers::libmvec_sigmoid_f32_avx512f); });
  r.add("sigmoid/f32/peer/avx2/glibc-libmvec", fma, Accuracy::bounded(4, 1e-7), kPeerExpDiv,
        "glibc libmvec _ZGVdN8v_expf, then 1/(1+e) by vdivps", [] { return f32(peers::libmvec_sigmoid_f32_avx2); });
#endif
  r.add("sigmoid/f32/peer/scalar/glibc-expf", none, Accuracy::bounded(2, 2 * kF32Ulp1), kSigmoidIeee,
        "glibc expf (0.502 ULP) called per value: 1/(1+expf(-x)), the cost of a libm call",
        [] { return f32(cpp::sigmoid_f32_libm); });
}

}  // namespace actbench
