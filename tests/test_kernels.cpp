// Every registered kernel this CPU supports, checked against the reference and its own declared
// accuracy and special-value policy. Kernels for ISAs the CPU lacks are listed, never run.
#include <catch2/catch.hpp>

#include "kernels/registry.hpp"
#include "tests/kernel_tester.hpp"

using namespace actbench;
using actbench::test::KernelTester;

namespace {

std::size_t vector_lanes(const Kernel& k) {
  const std::size_t bytes = k.isa() == Isa::avx512f ? 64 : k.isa() == Isa::avx2 ? 32 : k.isa() == Isa::sse41 ? 16 : 8;
  return bytes / (k.dtype() == DType::f32 ? 4 : 8);
}

template <class F>
void for_each_supported(F f) {
  for (const Kernel& k : Registry::instance().all()) {
    if (!k.supported()) {
      WARN("not run here (CPU lacks its ISA): " << k.name());
      continue;
    }
    DYNAMIC_SECTION(k.name()) { f(k); }
  }
}

// Runs k over x and checks every output; returns the number of wrong ones and the first message.
template <class T>
std::pair<std::size_t, std::string> sweep(const Kernel& k, const std::vector<T>& x) {
  std::vector<T> y(x.size());
  const KernelFn fn = k.get();
  if constexpr (sizeof(T) == 4)
    fn.f32(x.data(), y.data(), x.size());
  else
    fn.f64(x.data(), y.data(), x.size());
  std::size_t bad = 0;
  std::string first;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const std::string e = test::check_value(k, x[i], y[i]);
    if (!e.empty() && bad++ == 0) first = e;
  }
  return {bad, first};
}

}  // namespace

TEST_CASE("kernels: random and special inputs", "[kernels]") {
  for_each_supported([](const Kernel& k) {
    CHECK(KernelTester().n(1000).seed(7).test(k) == "");
    CHECK(KernelTester().n(1000).range(-120, 40).seed(8).test(k) == "");
  });
}

TEST_CASE("kernels: every length from 0 to three vectors plus one, aligned and not", "[kernels]") {
  for_each_supported([](const Kernel& k) {
    const std::size_t max_n = 3 * vector_lanes(k) + 1;
    for (std::size_t n = 0; n <= max_n; ++n) {
      INFO("n = " << n);
      CHECK(KernelTester().n(n).seed(static_cast<unsigned>(n)).test(k) == "");
      CHECK(KernelTester().n(n).misalign(1).seed(static_cast<unsigned>(n) + 100).test(k) == "");
    }
  });
}

TEST_CASE("kernels: in place", "[kernels]") {
  for_each_supported([](const Kernel& k) {
    CHECK(KernelTester().n(257).inplace(true).test(k) == "");
    CHECK(KernelTester().n(77).inplace(true).misalign(3).test(k) == "");
  });
}

// A dense, deterministic sweep of the whole float range: every 4099th bit pattern (about a
// million inputs) plus their negations, for each f32 sigmoid kernel.
TEST_CASE("sigmoid f32 kernels: dense sample of the float range within the declared bound", "[kernels][sigmoid]") {
  std::vector<float> x;
  for (std::uint64_t b = 0; b < (1ull << 31); b += 4099) {
    x.push_back(std::bit_cast<float>(static_cast<std::uint32_t>(b)));
    x.push_back(std::bit_cast<float>(static_cast<std::uint32_t>(b) | 0x80000000u));
  }
  for_each_supported([&](const Kernel& k) {
    if (k.op() != Op::sigmoid || k.dtype() != DType::f32) return;
    const auto [bad, first] = sweep(k, x);
    INFO(first);
    CHECK(bad == 0);
  });
}

TEST_CASE("sigmoid f64 kernels: dense sample within the declared bound", "[kernels][sigmoid]") {
  std::vector<double> x;
  std::mt19937_64 rng(3);
  std::uniform_real_distribution<double> u(-40, 40);
  for (int i = 0; i < 200000; ++i) x.push_back(u(rng));
  for (std::uint64_t b = 0; b < (1ull << 63); b += (1ull << 63) / 100000) x.push_back(-std::bit_cast<double>(b));
  for_each_supported([&](const Kernel& k) {
    if (k.op() != Op::sigmoid || k.dtype() != DType::f64) return;
    const auto [bad, first] = sweep(k, x);
    INFO(first);
    CHECK(bad == 0);
  });
}

// The checks themselves must be able to fail: a kernel that is off by one ULP, or that writes
// one element too many, is caught.
namespace {
void sigmoid_plus_one_ulp(const float* in, float* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) out[i] = std::nextafter(sigmoid_ref(in[i]), 2.0f);
}
void relu_writes_one_too_many(const float* in, float* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) out[i] = relu_ref(in[i]);
  out[n] = 0;
}
void relu_keeps_negatives(const float* in, float* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) out[i] = std::isnan(in[i]) ? in[i] : (in[i] < -1 ? 0 : in[i]);
}
}  // namespace

TEST_CASE("the tester catches wrong kernels", "[kernels][meta]") {
  const SpecialPolicy ieee{NanPolicy::propagate, NegZeroPolicy::pos_zero, DenormalPolicy::preserved, ""};
  Kernel exact_sigmoid("sigmoid/f32/cpp/scalar/test-plus1ulp", {}, Accuracy::bounded(0, 1), ieee, "",
                       [] { return KernelFn{sigmoid_plus_one_ulp, nullptr}; });
  Kernel loose_sigmoid("sigmoid/f32/cpp/scalar/test-plus1ulp-declared", {}, Accuracy::bounded(1, 1), ieee, "",
                       [] { return KernelFn{sigmoid_plus_one_ulp, nullptr}; });
  Kernel overrun("relu/f32/cpp/scalar/test-overrun", {}, Accuracy::exactly(), ieee, "",
                 [] { return KernelFn{relu_writes_one_too_many, nullptr}; });
  Kernel wrong("relu/f32/cpp/scalar/test-wrong", {}, Accuracy::exactly(), ieee, "",
               [] { return KernelFn{relu_keeps_negatives, nullptr}; });
  CHECK_THAT(KernelTester().n(100).test(exact_sigmoid), Catch::Contains("1 ULP from the correctly rounded"));
  CHECK(KernelTester().n(100).test(loose_sigmoid) == "");
  CHECK_THAT(KernelTester().n(10).test(overrun), Catch::Contains("wrote past the end"));
  CHECK_THAT(KernelTester().n(100).test(wrong), Catch::Contains("relu("));
}
