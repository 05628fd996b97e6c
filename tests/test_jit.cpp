// The JIT side: generated kernels agree bit for bit with the C++ kernels that do the same
// arithmetic, the latency loops compute what the throughput loops compute, every generator
// generates (even for an ISA this CPU lacks), and encoding errors name the instruction.
#include <catch2/catch.hpp>

#include <limits>

#include <cstdint>

#include <cmath>

#include <bit>
#include <cstring>
#include <random>

#include "jit/coefficients.hpp"
#include "jit/instruction_loops.hpp"
#include "jit/jit_context.hpp"
#include "kernels/registry.hpp"
#include "tests/kernel_tester.hpp"

using namespace actbench;

namespace {

std::vector<float> mixed_inputs(std::size_t n) {
  std::vector<float> x(n);
  std::mt19937 rng(11);
  std::uniform_real_distribution<float> u(-100, 100);
  const auto specials = test::special_values<float>();
  for (std::size_t i = 0; i < n; ++i) x[i] = i % 3 == 0 ? specials[(i / 3) % specials.size()] : u(rng);
  return x;
}

bool same_bits(const std::vector<float>& a, const std::vector<float>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

}  // namespace

TEST_CASE("jit: ReLU kernels match the C++ kernel with the same arithmetic bit for bit", "[jit]") {
  const std::pair<const char*, const char*> pairs[] = {
      {"relu/f32/jit/sse41/maxps-u4", "relu/f32/cpp/sse41/maxps"},
      {"relu/f32/jit/avx2/maxps-u1", "relu/f32/cpp/avx2/maxps"},
      {"relu/f32/jit/avx512f/maxps-u4", "relu/f32/cpp/avx512f/maxps"},
      {"relu/f32/jit/avx2/maxps-rev-u4", "relu/f32/cpp/scalar/stdmax"},
      {"relu/f32/jit/avx2/signbit-blendv-u4", "relu/f32/cpp/avx2/signbit-blendv"},
      {"relu/f32/jit/avx512f/signbit-psrad-andn-u4", "relu/f32/cpp/scalar/signbit-mask"},
      {"relu/f32/jit/avx512f/signbit-pmaxsd-u4", "relu/f32/cpp/scalar/signbit-mask"},
      {"relu/f32/jit/avx512f/signbit-ptestnm-u4", "relu/f32/cpp/scalar/signbit-mask"},
      {"relu/f32/jit/scalar/signbit-test-js-u4", "relu/f32/cpp/scalar/signbit-branch"},
      {"relu/f32/jit/scalar/signbit-sar-andn-u1", "relu/f32/cpp/scalar/signbit-mask"},
  };
  const std::vector<float> x = mixed_inputs(1003);
  for (const auto& [jit_name, cpp_name] : pairs) {
    const Kernel* j = Registry::instance().find(jit_name);
    const Kernel* c = Registry::instance().find(cpp_name);
    REQUIRE(j);
    REQUIRE(c);
    if (!j->supported() || !c->supported()) continue;
    INFO(jit_name << " vs " << cpp_name);
    std::vector<float> a(x.size()), b(x.size());
    j->get().f32(x.data(), a.data(), x.size());
    c->get().f32(x.data(), b.data(), x.size());
    CHECK(same_bits(a, b));
  }
}

TEST_CASE("jit: the direct vscalefps sigmoid matches the hand-written kernel bit for bit", "[jit]") {
  // Same constants, same operation order: the generator's direct+scalef path and the .S file.
  const Kernel* j = Registry::instance().find("sigmoid/f32/jit/avx512f/exp-rr2-p6-nr1-direct-scalef-u2");
  const Kernel* h = Registry::instance().find("sigmoid/f32/asm/avx512f/exp-rr2-p6-nr1-direct-scalef-u2");
  REQUIRE(j);
  REQUIRE(h);
  if (!j->supported()) return;
  std::vector<float> x = mixed_inputs(1003);
  // Every 4099th bit pattern too: the whole range, both signs, NaNs and infinities included.
  for (std::uint64_t b = 0; b < (1ull << 32); b += 4099) x.push_back(std::bit_cast<float>(static_cast<std::uint32_t>(b)));
  std::vector<float> a(x.size()), c(x.size());
  j->get().f32(x.data(), a.data(), x.size());
  h->get().f32(x.data(), c.data(), x.size());
  std::size_t differ = 0;
  for (std::size_t i = 0; i < x.size(); ++i)
    differ += std::bit_cast<std::uint32_t>(a[i]) != std::bit_cast<std::uint32_t>(c[i]) && !(std::isnan(a[i]) && std::isnan(c[i]));
  CHECK(differ == 0);
  CHECK(x.size() > 1000000);
}

TEST_CASE("jit: each latency loop computes what the throughput loop computes", "[jit]") {
  const std::vector<float> x = mixed_inputs(257);
  std::vector<double> xd(x.begin(), x.end());
  std::size_t checked = 0;
  for (const Kernel& k : Registry::instance().all()) {
    if (k.impl() != Impl::jit || !k.supported()) continue;
    INFO(k.name());
    const KernelFn fn = k.get();
    if (k.dtype() == DType::f32) {
      REQUIRE(fn.latency_f32);
      REQUIRE(fn.latency_base_f32);
      std::vector<float> a(x.size()), b(x.size()), c(x.size());
      fn.f32(x.data(), a.data(), x.size());
      fn.latency_f32(x.data(), b.data(), x.size());
      fn.latency_base_f32(x.data(), c.data(), x.size());
      if (k.method().find("divnr1") == std::string::npos) {
        CHECK(same_bits(a, b));
      } else {
        // divnr1 picks division or Newton by vector slot, and the latency loop has one slot: the
        // two results may differ in the last bits, each within the kernel's 2 ULP.
        std::int64_t worst = 0;
        for (std::size_t i = 0; i < x.size(); ++i) {
          if (std::isnan(a[i]) && std::isnan(b[i])) continue;
          const auto ord = [](float f) {
            const std::int32_t v = std::bit_cast<std::int32_t>(f);
            return static_cast<std::int64_t>(v < 0 ? std::numeric_limits<std::int32_t>::min() - v : v);
          };
          worst = std::max(worst, std::abs(ord(a[i]) - ord(b[i])));
        }
        CHECK(worst <= 4);
        CHECK_FALSE(same_bits(c, a));  // and the body did run
      }
      CHECK(same_bits(c, x));  // the empty-body loop passes each value through unchanged
    } else {
      REQUIRE(fn.latency_f64);
      std::vector<double> a(xd.size()), b(xd.size());
      fn.f64(xd.data(), a.data(), xd.size());
      fn.latency_f64(xd.data(), b.data(), xd.size());
      CHECK(std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
    }
    ++checked;
  }
  CHECK(checked > 0);
}

TEST_CASE("jit: every JIT kernel generates and lists its code, supported here or not", "[jit]") {
  std::size_t jit_kernels = 0;
  for (const Kernel& k : Registry::instance().all()) {
    if (k.impl() != Impl::jit) continue;
    ++jit_kernels;
    INFO(k.name());
    const KernelFn fn = k.inspect();  // generation never executes the code
    CHECK_FALSE(fn.listing.empty());
    if (k.isa() == Isa::avx512f) CHECK_THAT(fn.listing, Catch::Contains("zmm"));
  }
  CHECK(jit_kernels >= 40);
  CHECK(jit_kernels <= 80);
}

TEST_CASE("jit: encoding errors throw and name the instruction", "[jit]") {
  using namespace asmjit;
  CHECK_THROWS_WITH(jit::assemble("bad", [](x86::Assembler& a) { a.emit(x86::Inst::kIdVaddps, x86::zmm0, x86::zmm1, Imm(1)); }),
                    Catch::Contains("JIT bad") && Catch::Contains("vaddps"));
  CHECK_THROWS_WITH(jit::make_instruction_loop("vfrobps", "ymm", jit::LoopKind::latency), Catch::Contains("vfrobps"));
}

TEST_CASE("jit: fitted exp polynomials get more accurate with degree", "[jit]") {
  double last = 1;
  for (int d = 2; d <= 6; ++d) {
    const auto c = jit::exp_poly_coefficients(d, 0.3466, DType::f64);
    const double err = jit::exp_poly_max_rel_error(c, 0.3466);
    INFO("degree " << d << ": " << err);
    CHECK(err < last / 8);  // each degree gains at least a factor 8 on this small interval
    last = err;
  }
  CHECK(last < 2e-9);
}
