// The pieces of the measurement method that can be checked without timing: input distributions,
// statistics, working-set sizes, the latency chain.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "benches/inputs.hpp"
#include "benches/modes.hpp"
#include "benches/stats.hpp"
#include "benches/working_sets.hpp"

using namespace actbench::bench;

TEST_CASE("inputs: every distribution produces what its name says", "[benches]") {
  constexpr std::size_t n = 4096;
  std::vector<float> v(n);
  for (Dist d : all_dists()) {
    INFO(to_string(d));
    CHECK(parse_dist(to_string(d)) == d);
    fill(v.data(), n, d);
    std::size_t neg = 0, flips = 0;
    for (std::size_t i = 0; i < n; ++i) {
      REQUIRE(std::isfinite(v[i]));
      neg += std::signbit(v[i]);
      if (i) flips += std::signbit(v[i]) != std::signbit(v[i - 1]);
    }
    switch (d) {
      case Dist::uniform:
        for (float x : v) CHECK((x >= -8 && x <= 8));
        CHECK(neg == Approx(n / 2).epsilon(0.1));
        break;
      case Dist::positive: CHECK(neg == 0); for (float x : v) CHECK(x > 0); break;
      case Dist::negative: CHECK(neg == n); for (float x : v) CHECK(x < 0); break;
      case Dist::random_sign: CHECK(flips == Approx(n / 2).epsilon(0.1)); break;
      case Dist::alternating: CHECK(flips == n - 1); break;
      case Dist::denormal:
        for (float x : v) CHECK(std::fpclassify(x) == FP_SUBNORMAL);
        CHECK(neg == Approx(n / 2).epsilon(0.1));
        break;
      case Dist::saturating: for (float x : v) CHECK((std::fabs(x) >= 20 && std::fabs(x) <= 120)); break;
    }
  }
  CHECK_FALSE(parse_dist("gaussian").has_value());
}

TEST_CASE("inputs: the same seed gives the same data", "[benches]") {
  std::vector<double> a(100), b(100);
  fill(a.data(), a.size(), Dist::uniform, 9);
  fill(b.data(), b.size(), Dist::uniform, 9);
  CHECK(a == b);
}

TEST_CASE("stats: median, min of repetition medians, CV", "[benches]") {
  const SampleStats s = summarize({3, 1, 2, 5, 4});
  CHECK(s.median == 3);
  CHECK(s.min == 1);
  CHECK(s.mean == 3);
  CHECK(s.cv == Approx(std::sqrt(2.5) / 3));
  // Ten samples in five repetitions of two: medians 1.5, 3.5, 5.5, 7.5, 9.5.
  const SampleStats r = summarize_repetitions({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 5);
  CHECK(r.median == 5.5);
  CHECK(r.min == 1.5);
  CHECK(r.cv == Approx(std::sqrt(10.0) / 5.5));
  // One wild sample moves neither the median nor, much, the repetitions' CV.
  std::vector<double> calm(50, 1.0);
  calm[7] = 1000;
  const SampleStats c = summarize_repetitions(calm);
  CHECK(c.median == 1.0);
  CHECK(c.cv == 0.0);
}

TEST_CASE("working sets: l1 is 4096 values and the levels grow", "[benches]") {
  const CacheSizes c{48 * 1024, 2 * 1024 * 1024, 32 * 1024 * 1024};
  const auto sets = working_sets(c, sizeof(float));
  REQUIRE(sets.size() == 4);
  CHECK(values_for(sets[0], sizeof(float)) == 4096);
  CHECK(sets[1].bytes == 1024 * 1024);
  for (std::size_t i = 1; i < sets.size(); ++i) CHECK(sets[i].bytes > sets[i - 1].bytes);
  CHECK(sets[3].bytes >= 4 * c.l3);
}

TEST_CASE("latency chain: feeds each result into the next input without changing the values", "[benches]") {
  std::vector<float> in = {1.5f, -2.0f, 3.0f};
  std::vector<float> seen;
  static std::vector<float>* sink = nullptr;
  sink = &seen;
  auto record = [](const float* x, float* y, std::size_t) {
    sink->push_back(*x);
    *y = *x * 2;
  };
  const float last = latency_chain<float>(+record, in.data(), in.size(), 0.0f);
  CHECK(seen == in);  // the dependency is x ^ (bits(y) & 0): the value is unchanged
  CHECK(last == 6.0f);
}
