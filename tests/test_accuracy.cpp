// The accuracy measurement itself: a kernel perturbed by one ULP measures exactly one ULP, exact
// kernels measure zero, special values are reported per kernel, and every registered kernel stays
// within what it declares on a coarse sample (tests/test_kernels.cpp checks a dense one).
#include <catch2/catch.hpp>

#include <cmath>

#include "benches/accuracy.hpp"
#include "kernels/reference.hpp"

using namespace actbench;
using namespace actbench::bench;

namespace {

void sigmoid_plus_one_ulp(const float* in, float* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    const float r = sigmoid_ref(in[i]);
    out[i] = std::isnan(r) ? r : std::nextafter(r, 2.0f);
  }
}

AccuracyOptions coarse() {
  AccuracyOptions o;
  o.stride = 65537;
  o.progress = false;
  return o;
}

}  // namespace

TEST_CASE("accuracy: a kernel one ULP off measures exactly one ULP", "[accuracy]") {
  const SpecialPolicy ieee{NanPolicy::propagate, NegZeroPolicy::not_applicable, DenormalPolicy::preserved, ""};
  Kernel k("sigmoid/f32/cpp/scalar/test-plus1ulp", {}, Accuracy::bounded(1, 1), ieee, "",
           [] { return KernelFn{sigmoid_plus_one_ulp, nullptr}; });
  const auto r = measure_accuracy({&k}, coarse());
  REQUIRE(r.size() == 1);
  CHECK(r[0].normal.max_ulp == 1.0);
  CHECK(r[0].normal.histogram[1] == r[0].normal.count);  // every normal result is off by one
  CHECK(r[0].within_declared);
  CHECK(r[0].inputs > 60000);

  Kernel strict("sigmoid/f32/cpp/scalar/test-plus1ulp-strict", {}, Accuracy::bounded(0, 1), ieee, "",
                [] { return KernelFn{sigmoid_plus_one_ulp, nullptr}; });
  const auto s = measure_accuracy({&strict}, coarse());
  CHECK_FALSE(s[0].within_declared);
  CHECK_THAT(s[0].verdict, Catch::Contains("1 ULP"));
}

TEST_CASE("accuracy: every kernel within its declared bound; ReLU exact; specials reported", "[accuracy]") {
  std::vector<const Kernel*> ks;
  for (const Kernel& k : Registry::instance().all()) ks.push_back(&k);
  const auto results = measure_accuracy(ks, coarse());
  REQUIRE_FALSE(results.empty());
  for (const auto& a : results) {
    INFO(a.kernel->name() << ": " << a.verdict);
    CHECK(a.within_declared);
    if (a.kernel->op() == Op::relu) CHECK(a.normal.max_ulp == 0);
    REQUIRE(a.specials.size() >= 10);
    if (a.kernel->op() == Op::sigmoid && a.kernel->policy().nan == NanPolicy::propagate) {
      bool saw_inf = false;
      for (const auto& [in, out] : a.specials) {
        if (in == "nan") CHECK_THAT(out, Catch::Contains("nan"));
        if (in == "inf") {
          saw_inf = true;
          CHECK(std::stod(out) == Approx(1.0).margin(a.kernel->accuracy().max_abs));
        }
      }
      CHECK(saw_inf);
    }
  }
}

TEST_CASE("accuracy: ULP histogram buckets", "[accuracy]") {
  CHECK(ulp_bucket(0) == 0);
  CHECK(ulp_bucket(1) == 1);
  CHECK(ulp_bucket(2) == 2);
  CHECK(ulp_bucket(3) == 3);
  CHECK(ulp_bucket(4) == 3);
  CHECK(ulp_bucket(5) == 4);
  CHECK(ulp_bucket(8) == 4);
  CHECK(ulp_bucket(9) == 5);
  CHECK(ulp_bucket_label(3) == "3-4");
  CHECK(ulp_bucket_label(4) == "5-8");
  CHECK(ulp_bucket(~0ull) == kUlpBuckets - 1);
}
