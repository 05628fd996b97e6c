// Reading result files back: good files load, and malformed, truncated, foreign or too-new files
// are errors naming the file and the field.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "analysis/result_schema.hpp"
#include "analysis/summary.hpp"

using namespace actbench::analysis;
namespace fs = std::filesystem;

namespace {

fs::path scratch_dir() {
  const fs::path d = fs::temp_directory_path() / ("actbench-test-" + std::to_string(::getpid()));
  fs::create_directories(d);
  return d;
}

fs::path write(const std::string& name, const std::string& text) {
  const fs::path p = scratch_dir() / name;
  std::ofstream(p) << text;
  return p;
}

const char* kGood = R"({
  "context": {"actbench_schema_version": "1", "cycles_source": "tsc-calibrated"},
  "benchmarks": [
    {"name": "relu/f32/cpp/avx2/maxps/mode:throughput/n:4096/dist:uniform", "run_type": "iteration",
     "cycles_per_value": 0.25, "cycles_per_value_min": 0.24, "cycles_per_value_cv": 0.01, "noisy": 0,
     "bytes": 32768, "label": "cycles:tsc-calibrated"},
    {"name": "sigmoid/f32/cpp/scalar/libm/mode:throughput/n:4096/dist:uniform", "run_type": "iteration",
     "cycles_per_value": 8.4, "cycles_per_value_min": 8.3, "cycles_per_value_cv": 0.05, "noisy": 1,
     "bytes": 32768, "label": "cycles:tsc-calibrated"},
    {"name": "relu/f32/cpp/avx512f/maxps/mode:throughput/n:4096/dist:uniform", "run_type": "iteration",
     "error_occurred": true, "error_message": "needs avx512f"}
  ]
})";

}  // namespace

TEST_CASE("analysis: a good bench.json loads with every figure", "[analysis]") {
  const BenchFile b = load_bench(write("good.json", kGood));
  REQUIRE(b.records.size() == 3);
  CHECK(b.records[0].kernel == "relu/f32/cpp/avx2/maxps");
  CHECK(b.records[0].n == 4096);
  CHECK(b.records[0].mode == "throughput");
  CHECK(b.records[0].cycles_per_value == 0.25);
  CHECK(b.records[0].cycles_source == "tsc-calibrated");
  CHECK(b.records[1].noisy);
  CHECK(b.records[2].skipped);
  CHECK(b.records[2].skip_reason == "needs avx512f");
}

TEST_CASE("analysis: the summary sorts per op and says the source", "[analysis]") {
  const fs::path run = scratch_dir() / "run";
  fs::create_directories(run);
  std::ofstream(run / "bench.json") << kGood;
  const std::string s = run_summary(run);
  CHECK_THAT(s, Catch::Contains("relu/f32/cpp/avx2/maxps"));
  CHECK_THAT(s, Catch::Contains("0.2500"));
  CHECK_THAT(s, Catch::Contains("noisy"));
  CHECK_THAT(s, Catch::Contains("cycles source: tsc-calibrated"));
  CHECK_THAT(s, Catch::Contains("1 skipped"));
}

TEST_CASE("analysis: bad files are errors that name the file and the field", "[analysis]") {
  const fs::path truncated = write("truncated.json", std::string(kGood).substr(0, 200));
  CHECK_THROWS_WITH(load_bench(truncated), Catch::Contains("truncated.json") && Catch::Contains("not valid JSON"));

  const fs::path foreign = write("foreign.json", R"({"name": "something else"})");
  CHECK_THROWS_WITH(load_bench(foreign), Catch::Contains("foreign.json") && Catch::Contains("'context'"));

  std::string missing = kGood;
  missing.replace(missing.find("\"cycles_per_value\": 0.25, "), 26, "");
  CHECK_THROWS_WITH(load_bench(write("missing.json", missing)),
                    Catch::Contains("missing.json") && Catch::Contains("benchmarks[0].cycles_per_value") &&
                        Catch::Contains("missing"));

  std::string wrong_type = kGood;
  wrong_type.replace(wrong_type.find("0.25"), 4, "\"x\"");
  CHECK_THROWS_WITH(load_bench(write("type.json", wrong_type)), Catch::Contains("wrong type"));

  std::string future = kGood;
  future.replace(future.find("\"1\""), 3, "\"99\"");
  CHECK_THROWS_WITH(load_bench(write("future.json", future)),
                    Catch::Contains("actbench_schema_version") && Catch::Contains("version 99"));

  std::string bad_name = kGood;
  bad_name.replace(bad_name.find("/mode:throughput/n:4096"), 23, "/n:4096");
  CHECK_THROWS_WITH(load_bench(write("name.json", bad_name)), Catch::Contains("benchmarks[0].name"));

  CHECK_THROWS_WITH(load_bench(scratch_dir() / "absent.json"), Catch::Contains("cannot open"));
  CHECK_THROWS_WITH(load_machine(write("m.json", R"({"schema_version": 1, "kind": "other"})")),
                    Catch::Contains("'kind'"));
}
