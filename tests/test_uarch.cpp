// Microarchitecture detection on recorded CPUID dumps (tests/data/cpuid/): published dumps of
// real CPUs and this project's development VM, whose hypervisor shows a model number that the
// core's own extensions contradict.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "kernels/uarch.hpp"

using namespace actbench;

namespace {

CpuidDump load(const std::string& name) {
  const std::string path = std::string(ACTBENCH_SOURCE_DIR) + "/tests/data/cpuid/" + name + ".txt";
  std::ifstream in(path);
  REQUIRE(in);
  return parse_cpuid_dump(in, path);
}

// The dump with leaf 1's model replaced, as a hypervisor may show it.
CpuidDump with_model(CpuidDump d, unsigned model) {
  for (auto& l : d.leaves)
    if (l.leaf == 1) l.eax = (l.eax & ~0x000f00f0u) | ((model & 0xf) << 4) | ((model >> 4) << 16);
  return d;
}

}  // namespace

TEST_CASE("uarch: published dumps are identified by model, and the extensions agree", "[uarch]") {
  struct Case {
    const char* file;
    const char* name;
    const char* llvm;
    const char* column;
  };
  const Case cases[] = {
      {"skylake-sp", "Skylake-SP", "skylake-avx512", ""},
      {"cascadelake", "Cascade Lake", "cascadelake", ""},
      {"alderlake", "Alder Lake (Golden Cove P-cores)", "alderlake", "GLC"},
      {"zen4", "Zen 4", "znver4", "ZEN4"},
      {"zen3", "Zen 3", "znver3", ""},
  };
  for (const Case& c : cases) {
    INFO(c.file);
    const Uarch u = identify_uarch(load(c.file));
    CHECK(u.name == c.name);
    CHECK(u.llvm_cpu == c.llvm);
    CHECK(u.timings_column == c.column);
    if (u.vendor == "GenuineIntel") CHECK_THAT(u.how, Catch::Contains("agree"));
  }
}

TEST_CASE("uarch: the development VM's masked model is overruled by AMX and AVX512-FP16", "[uarch]") {
  const Uarch u = identify_uarch(load("dev-vm-spr"));
  CHECK(u.family == 6);
  CHECK(u.model == 0xA7);  // Rocket Lake's number, as the hypervisor shows it
  CHECK(u.name == "Sapphire Rapids (Golden Cove)");
  CHECK(u.llvm_cpu == "sapphirerapids");
  CHECK(u.timings_column == "SPR");
  CHECK_THAT(u.how, Catch::Contains("Rocket Lake") && Catch::Contains("AMX-TILE") && Catch::Contains("decided by the extensions"));
}

TEST_CASE("uarch: a model number that lies or is unknown does not decide", "[uarch]") {
  // Alder Lake's extensions behind model 0x55 (stepping 2: Skylake-SP in the table).
  const Uarch lie = identify_uarch(with_model(load("alderlake"), 0x55));
  CHECK(lie.name == "Alder Lake P-core with AVX-512 (Golden Cove)");
  CHECK_THAT(lie.how, Catch::Contains("would be Skylake-SP"));
  // A model the table does not know, with Skylake-SP's extensions.
  const Uarch unknown = identify_uarch(with_model(load("skylake-sp"), 0x2F));
  CHECK(unknown.name == "Skylake-SP");
  CHECK_THAT(unknown.how, Catch::Contains("not in the model table"));
  // Same generation under another number (Sapphire Rapids' extensions on Emerald Rapids' model)
  // keeps the model's answer.
  CHECK(identify_uarch(with_model(load("dev-vm-spr"), 0xCF)).name == "Emerald Rapids (Raptor Cove)");
}

TEST_CASE("uarch: this CPU is identified, and a malformed dump names the line", "[uarch]") {
  const Uarch host = identify_uarch(host_cpuid_dump());
  CHECK_FALSE(host.name.empty());
  CHECK_FALSE(host.how.empty());
  std::istringstream bad("# comment\n00000000 0 00000024 756e6547\n");
  CHECK_THROWS_WITH(parse_cpuid_dump(bad, "bad.txt"), Catch::Contains("bad.txt:2"));
  std::istringstream hex("00000000 0 zz 0 0 0\n");
  CHECK_THROWS_WITH(parse_cpuid_dump(hex, "hex.txt"), Catch::Contains("hex.txt:1") && Catch::Contains("hexadecimal"));
}
