// The f32 sigmoid reference must be correctly rounded. It is checked against MPFR (256-bit
// evaluation, rounded once) on a dense sample of every float that gives a non-trivial result,
// plus random inputs, and its fallback to MPFR must have been needed only rarely.
#include <catch2/catch.hpp>

#include <bit>
#include <random>

#include "kernels/reference.hpp"

using namespace actbench;

TEST_CASE("reference: sigmoid f32 equals MPFR's correctly rounded value", "[reference]") {
  std::vector<float> xs;
  // Every 1201st bit pattern of each sign in [-104, 17.4]: below, the result rounds to 0 and
  // above, to 1; both ends are included by the loop bounds anyway.
  const std::uint32_t top_neg = std::bit_cast<std::uint32_t>(-104.0f), top_pos = std::bit_cast<std::uint32_t>(17.4f);
  for (std::uint32_t b = 0; b <= top_pos; b += 1201) xs.push_back(std::bit_cast<float>(b));
  for (std::uint32_t b = 0x80000000u; b <= top_neg; b += 1201) xs.push_back(std::bit_cast<float>(b));
  std::mt19937 rng(42);
  std::uniform_real_distribution<float> u(-30, 30);
  for (int i = 0; i < 200000; ++i) xs.push_back(u(rng));
  REQUIRE(xs.size() > 2000000);

  const std::uint64_t fallbacks_before = sigmoid_ref_mpfr_fallbacks();
  std::size_t mismatches = 0;
  float first_bad = 0;
  for (float x : xs) {
    const float a = sigmoid_ref(x), b = sigmoid_mpfr_f32(x);
    if (std::bit_cast<std::uint32_t>(a) != std::bit_cast<std::uint32_t>(b) && mismatches++ == 0) first_bad = x;
  }
  INFO("first mismatch at x = " << first_bad);
  CHECK(mismatches == 0);
  const std::uint64_t fallbacks = sigmoid_ref_mpfr_fallbacks() - fallbacks_before;
  INFO("MPFR fallbacks: " << fallbacks << " of " << xs.size());
  CHECK(fallbacks < xs.size() / 1000);
}

TEST_CASE("reference: special values and known points", "[reference]") {
  CHECK(sigmoid_ref(0.0f) == 0.5f);
  CHECK(sigmoid_ref(-0.0f) == 0.5f);
  CHECK(sigmoid_ref(std::numeric_limits<float>::infinity()) == 1.0f);
  CHECK(sigmoid_ref(-std::numeric_limits<float>::infinity()) == 0.0f);
  CHECK(std::isnan(sigmoid_ref(std::numeric_limits<float>::quiet_NaN())));
  CHECK(sigmoid_ref(-200.0f) == 0.0f);
  // Near the bottom of the denormals: exp(-103.28) is about 2^-149.
  CHECK(sigmoid_ref(-103.0f) == sigmoid_mpfr_f32(-103.0f));
  CHECK(sigmoid_ref(-103.0f) > 0.0f);
  CHECK(relu_ref(-2.0f) == 0.0f);
  CHECK_FALSE(std::signbit(relu_ref(-0.0f)));
  CHECK(relu_ref(3.5f) == 3.5f);
  CHECK(std::isnan(relu_ref(std::numeric_limits<float>::quiet_NaN())));
}

TEST_CASE("reference: f64 wide reference agrees with MPFR to a small fraction of an ULP", "[reference]") {
  std::mt19937_64 rng(5);
  std::uniform_real_distribution<double> u(-700, 40);
  double worst = 0;
  for (int i = 0; i < 100000; ++i) {
    const double x = u(rng);
    worst = std::max(worst, ulp_error(sigmoid_mpfr_f64(x), sigmoid_ref_wide(x)));
  }
  CHECK(worst <= 0.51);  // MPFR's double is correctly rounded: at most 0.5 ULP plus the wide ref's error
}

TEST_CASE("reference: ULP distance counts representable values", "[reference]") {
  CHECK(ulp_distance(1.0f, 1.0f) == 0);
  CHECK(ulp_distance(1.0f, std::nextafter(1.0f, 2.0f)) == 1);
  CHECK(ulp_distance(std::numeric_limits<float>::denorm_min(), -std::numeric_limits<float>::denorm_min()) == 2);
  CHECK(ulp_distance(0.0f, -0.0f) == 0);
  CHECK(ulp_distance(1.0, std::nextafter(std::nextafter(1.0, 0.0), 0.0)) == 2);
}
