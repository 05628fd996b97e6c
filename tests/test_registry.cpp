#include <catch2/catch.hpp>

#include <set>

#include "kernels/registry.hpp"

using namespace actbench;

TEST_CASE("registry: names are unique and parse by the grammar into the kernel's fields", "[registry]") {
  std::set<std::string> seen;
  const auto& all = Registry::instance().all();
  REQUIRE(all.size() >= 14);
  for (const Kernel& k : all) {
    INFO(k.name());
    CHECK(seen.insert(k.name()).second);
    std::string why;
    const auto parts = parse_kernel_name(k.name(), &why);
    REQUIRE(parts.has_value());
    CHECK(parts->str() == k.name());
    CHECK(parts->op == k.op());
    CHECK(parts->isa == k.isa());
    CHECK(!k.description().empty());
  }
}

TEST_CASE("registry: covers both ops, both dtypes, the sign-bit and max families", "[registry]") {
  std::set<std::string> ops, dtypes;
  bool signbit = false, max = false;
  for (const Kernel& k : Registry::instance().all()) {
    ops.insert(to_string(k.op()));
    dtypes.insert(to_string(k.dtype()));
    signbit |= k.op() == Op::relu && k.method().rfind("signbit", 0) == 0;
    max |= k.op() == Op::relu && k.method().find("max") != std::string::npos;
  }
  CHECK(ops == std::set<std::string>{"relu", "sigmoid"});
  CHECK(dtypes == std::set<std::string>{"f32", "f64"});
  CHECK(signbit);
  CHECK(max);
}

TEST_CASE("kernel names: bad names are rejected with the part that is wrong", "[registry]") {
  std::string why;
  CHECK_FALSE(parse_kernel_name("relu/f32/cpp/scalar", &why));
  CHECK_THAT(why, Catch::Contains("expected 5 parts"));
  CHECK_FALSE(parse_kernel_name("tanh/f32/cpp/scalar/x", &why));
  CHECK_THAT(why, Catch::Contains("unknown op 'tanh'"));
  CHECK_FALSE(parse_kernel_name("relu/f16/cpp/scalar/x", &why));
  CHECK_THAT(why, Catch::Contains("unknown dtype"));
  CHECK_FALSE(parse_kernel_name("relu/f32/cpp/neon/x", &why));
  CHECK_THAT(why, Catch::Contains("unknown isa 'neon'"));
  CHECK_FALSE(parse_kernel_name("relu/f32/cpp/scalar/Max", &why));
  CHECK_THAT(why, Catch::Contains("bad method"));
  CHECK(parse_kernel_name("sigmoid/f32/jit/avx512f/exp-rr2-p5-rcpnr1-u2"));
}

TEST_CASE("registry: a kernel for an ISA the CPU lacks is unsupported and never called", "[registry]") {
  const FeatureSet host = detect_features();
  const FeatureSet no_avx512 = mask_features(host, "avx512f");
  const FeatureSet scalar_only = mask_features(host, "sse4.1,avx,avx2,fma,avx512f,avx512dq,avx512bw,avx512vl");
  std::size_t lost = 0;
  for (const Kernel& k : Registry::instance().all()) {
    INFO(k.name());
    if (k.isa() == Isa::avx512f) {
      CHECK_FALSE(k.supported_on(no_avx512));
      ++lost;
    }
    CHECK(k.supported_on(scalar_only) == (k.isa() == Isa::scalar));
  }
  CHECK(lost > 0);
  CHECK_THROWS_WITH(mask_features(host, "avx1024"), Catch::Contains("unknown CPU feature 'avx1024'"));

}

TEST_CASE("registry: selectors pick a kernel, a group or a glob, and unknown ones fail clearly", "[registry]") {
  const Registry& r = Registry::instance();
  CHECK(r.select("relu/f32/cpp/scalar/signbit-mask").size() == 1);
  const auto relu_f32 = r.select("relu/f32");
  CHECK(relu_f32.size() > 5);
  for (const Kernel* k : relu_f32) CHECK(k->name().rfind("relu/f32/", 0) == 0);
  for (const Kernel* k : r.select("*/avx2/*")) CHECK(k->isa() == Isa::avx2);
  CHECK_THROWS_WITH(r.select("relu/f32/cpp/scalar/nosuch"), Catch::Contains("no kernel matches 'relu/f32/cpp/scalar/nosuch'"));
  CHECK_THROWS(r.select("rel"));  // a group is whole name parts, not a prefix of characters
}
