// Reports and comparisons from result files: runs are written here from figures the test
// chooses, so every claim, ratio and list can be checked against the numbers that went in.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "analysis/claims.hpp"
#include "analysis/compare.hpp"
#include "analysis/report.hpp"
#include "analysis/summary.hpp"

using namespace actbench::analysis;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

fs::path scratch(const std::string& name) {
  const fs::path d = fs::temp_directory_path() / ("actbench-report-" + std::to_string(::getpid())) / name;
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

// A run folder written the way `actbench run` writes one (schema 2).
class RunWriter {
 public:
  RunWriter& source(std::string s) {
    source_ = std::move(s);
    return *this;
  }
  RunWriter& slug(std::string s) {
    slug_ = std::move(s);
    return *this;
  }
  RunWriter& bench(const std::string& kernel, const std::string& mode, double cycles, const std::string& dist = "uniform",
                   int level = 1, bool in_register = true) {
    const std::size_t n = level == 1 ? 4096 : 4096u << (4 * level);
    json b = {{"name", kernel + "/mode:" + mode + "/n:" + std::to_string(n) + "/dist:" + dist},
              {"run_type", "iteration"},
              {"cycles_per_value", cycles},
              {"cycles_per_value_min", cycles * 0.99},
              {"cycles_per_value_cv", 0.004},
              {"noisy", 0},
              {"bytes", 8.0 * n},
              {"working_set_level", level},
              {"latency_in_register", in_register ? 1 : 0},
              {"label", "cycles:" + source_}};
    benches_.push_back(b);
    return *this;
  }
  // Sets a counter on the benchmark added last (e.g. declared_max_ulp).
  RunWriter& counter(const std::string& key, double value) {
    benches_.back()[key] = value;
    return *this;
  }
  RunWriter& accuracy(const std::string& kernel, double max_ulp) {
    acc_.push_back({{"name", kernel},
                    {"normal_results", {{"max_ulp", max_ulp}, {"max_abs", max_ulp * 1e-8}}},
                    {"denormal_or_zero_results", {{"max_ulp", 0}, {"max_abs", 0}}},
                    {"within_declared", true},
                    {"nan_against_policy", 0}});
    return *this;
  }
  fs::path write(const fs::path& dir) const {
    fs::create_directories(dir);
    std::ofstream(dir / "bench.json") << json{{"context",
                                               {{"actbench_schema_version", std::to_string(kSchemaVersion)},
                                                {"cycles_source", source_},
                                                {"actbench_profile", "quick"},
                                                {"actbench_machine", slug_}}},
                                              {"benchmarks", benches_}}
                                             .dump();
    std::ofstream(dir / "machine.json") << json{{"schema_version", kSchemaVersion},
                                                {"kind", "actbench.machine"},
                                                {"slug", slug_},
                                                {"cpu", {{"brand", "Test CPU " + slug_}}},
                                                {"clock", {{"core_hz_calibrated", 3e9}}}}
                                               .dump();
    if (!acc_.empty())
      std::ofstream(dir / "accuracy.json") << json{{"schema_version", kSchemaVersion},
                                                   {"kind", "actbench.accuracy"},
                                                   {"inputs", "test"},
                                                   {"seconds", 1.0},
                                                   {"kernels", acc_}}
                                                  .dump();
    return dir;
  }

 private:
  std::string source_ = "tsc-calibrated", slug_ = "machine-a";
  json benches_ = json::array(), acc_ = json::array();
};

// Writes the run's report without plots and returns report.md.
std::string report_markdown(const fs::path& dir) {
  ::setenv("ACTBENCH_GNUPLOT", "none", 1);
  write_report(dir);
  ::unsetenv("ACTBENCH_GNUPLOT");
  std::ifstream md(dir / "report.md");
  return {std::istreambuf_iterator<char>(md), {}};
}

const std::string kReluMax = "relu/f32/jit/avx2/maxps-u4";
const std::string kReluAndn = "relu/f32/jit/avx2/signbit-psrad-andn-u4";
const std::string kReluPmaxsd = "relu/f32/jit/avx2/signbit-pmaxsd-u4";
const std::string kReluBranch = "relu/f32/jit/scalar/signbit-test-js-u1";
const std::string kSigFast = "sigmoid/f32/jit/avx2/schraudolph-u2";
const std::string kSigGood = "sigmoid/f32/jit/avx2/exp-rr2-p5-div-u2";

RunWriter typical_run() {
  RunWriter w;
  w.bench(kReluMax, "throughput", 0.125)
      .bench(kReluMax, "latency", 4.0)
      .bench(kReluAndn, "throughput", 0.15)
      .bench(kReluAndn, "latency", 2.0)
      .bench(kReluPmaxsd, "throughput", 0.14)
      .bench(kReluPmaxsd, "latency", 1.0)
      .bench(kReluBranch, "throughput", 4.8)
      .bench(kReluBranch, "throughput", 1.6, "positive")
      .bench(kReluBranch, "throughput", 4.9, "random-sign")
      .bench(kReluBranch, "latency", 13.0)
      .bench(kSigFast, "throughput", 0.5)
      .bench(kSigFast, "latency", 20.0)
      .bench(kSigGood, "throughput", 1.25)
      .bench(kSigGood, "latency", 40.0)
      .bench(kReluMax, "throughput", 0.3, "uniform", 2)
      .bench(kReluMax, "throughput", 2.0, "uniform", 4)
      .accuracy(kSigFast, 5e5)
      .accuracy(kSigGood, 2);
  return w;
}

}  // namespace

TEST_CASE("report: the lesson's claims come out of the run's numbers", "[report]") {
  const Run run = load_run(typical_run().write(scratch("claims")));
  const Claim ratio = sigmoid_over_relu(run);
  // Fastest ReLU 0.125; fastest sigmoid 0.5 (any accuracy), 1.25 within 2 ULP.
  CHECK(ratio.figures.at("tput:all") == Approx(0.5 / 0.125));
  CHECK(ratio.figures.at("tput:all<=2ulp") == Approx(1.25 / 0.125));
  CHECK(ratio.figures.at("tput:jit/avx2") == Approx(0.5 / 0.125));
  CHECK_THAT(ratio.finding, Catch::Contains("4.0x") && Catch::Contains("10.0x"));

  const Claim tick = one_tick(run);
  CHECK(tick.figures.at("signbit") == Approx(1.0));
  CHECK(tick.figures.at("andn") == Approx(2.0));
  CHECK(tick.figures.at("maxps") == Approx(4.0));

  const Claim branch = branch_prediction(run);
  CHECK(branch.figures.at(kReluBranch + ":random/positive") == Approx(4.9 / 1.6));
  CHECK_THAT(branch.finding, Catch::Contains("1.60") && Catch::Contains("4.90"));

  const Claim f64 = f64_over_f32(run);
  CHECK(f64.finding.empty());
  CHECK_THAT(f64.missing, Catch::Contains("f64"));
}

TEST_CASE("report: f64 kernels pair with their f32 counterparts", "[report]") {
  RunWriter w = typical_run();
  w.bench("relu/f64/jit/avx2/maxpd-u4", "throughput", 0.3);
  const Claim c = f64_over_f32(load_run(w.write(scratch("f64"))));
  REQUIRE(c.figures.count("relu/f64/jit/avx2/maxpd-u4"));
  CHECK(c.figures.at("relu/f64/jit/avx2/maxpd-u4") == Approx(0.3 / 0.125));
}

TEST_CASE("report: files, tables, CSV; without gnuplot the plots are skipped with a line", "[report]") {
  const fs::path dir = typical_run().write(scratch("report"));
  ::setenv("ACTBENCH_GNUPLOT", "none", 1);
  const ReportResult res = write_report(dir);
  ::unsetenv("ACTBENCH_GNUPLOT");
  CHECK_THAT(res.plots_note, Catch::Contains("ACTBENCH_GNUPLOT=none"));
  for (const char* f : {"report.md", "report.html", "figures.csv"}) CHECK(fs::file_size(dir / f) > 0);
  std::ifstream md(dir / "report.md");
  const std::string text((std::istreambuf_iterator<char>(md)), {});
  CHECK_THAT(text, Catch::Contains("plots were skipped"));
  CHECK_THAT(text, Catch::Contains("| " + kReluMax + " |"));
  CHECK_THAT(text, Catch::Contains("tsc-calibrated"));
  // The working-set table: L1 0.125 to DRAM 2.0 is 16x.
  CHECK_THAT(text, Catch::Contains("16.00x"));
  // The CSV: a header and one row per benchmark record.
  std::ifstream csv(dir / "figures.csv");
  std::string line;
  std::size_t rows = 0;
  while (std::getline(csv, line)) ++rows;
  CHECK(rows == 1 + 16);
}

TEST_CASE("compare: runs with different kernel sets are compared on what they share", "[report][compare]") {
  const fs::path a = typical_run().write(scratch("cmp-a"));
  RunWriter wb;
  wb.slug("machine-b")
      .source("PAPI_TOT_CYC")
      .bench(kReluMax, "throughput", 0.25)
      .bench(kReluMax, "latency", 3.0)
      .bench(kSigGood, "throughput", 5.0)
      .bench("relu/f32/jit/sse41/maxps-u4", "throughput", 0.5);
  const fs::path b = wb.write(scratch("cmp-b"));
  std::vector<Run> runs = {load_run(a), load_run(b)};
  const Comparison c = compare_runs(runs, 0);
  CHECK(c.shared == std::vector<std::string>{kReluMax, kSigGood});
  CHECK(c.only_in[1] == std::vector<std::string>{"relu/f32/jit/sse41/maxps-u4"});
  CHECK(c.only_in[0].size() == 4);  // the andn, pmaxsd, branch and fast sigmoid kernels
  // Geometric mean of 0.25/0.125 and 5.0/1.25: sqrt(2 * 4).
  CHECK(c.geomean_vs_baseline[1] == Approx(std::sqrt(8.0)));
  CHECK(c.geomean_vs_baseline[0] == Approx(1.0));
  REQUIRE(c.warnings.size() == 1);
  CHECK_THAT(c.warnings[0], Catch::Contains("PAPI_TOT_CYC") && Catch::Contains("tsc-calibrated"));

  CHECK(pick_baseline(runs, "") == 0);
  CHECK(pick_baseline(runs, "2") == 1);
  CHECK(pick_baseline(runs, "machine-b") == 1);
  CHECK(pick_baseline(runs, b.string()) == 1);
  CHECK_THROWS_WITH(pick_baseline(runs, "nonesuch"), Catch::Contains("names none") && Catch::Contains("machine-b"));

  const fs::path out = scratch("cmp-out") / "c";
  ::setenv("ACTBENCH_GNUPLOT", "none", 1);
  const CompareResult res = write_comparison({a, b}, out, "2");
  ::unsetenv("ACTBENCH_GNUPLOT");
  std::ifstream md(out / "compare.md");
  const std::string text((std::istreambuf_iterator<char>(md)), {});
  // Baseline #2: run 1's maxps is 0.125 / 0.25 = 0.5x of it.
  CHECK_THAT(text, Catch::Contains("| " + kReluMax + " | 0.1250 | 0.2500 | 0.50x | #1 |"));
  CHECK_THAT(text, Catch::Contains("relu/f32/jit/sse41/maxps-u4"));
  CHECK_THROWS_WITH(write_comparison({a, b}, out, ""), Catch::Contains("never overwritten"));
  CHECK_THROWS_WITH(write_comparison({a}, scratch("one"), ""), Catch::Contains("at least two"));
}

TEST_CASE("schema: an older version loads, broken accuracy and bench files name their field", "[report][schema]") {
  // Version 1 bench.json: no working_set_level; the levels come from the order of the sizes.
  const fs::path v1 = scratch("v1");
  json benches = json::array();
  for (std::size_t n : {4096u, 65536u, 1048576u, 16777216u})
    benches.push_back({{"name", kReluMax + "/mode:throughput/n:" + std::to_string(n) + "/dist:uniform"},
                       {"cycles_per_value", 0.1 * n / 4096},
                       {"cycles_per_value_min", 0.1},
                       {"cycles_per_value_cv", 0.01},
                       {"noisy", 0},
                       {"label", "cycles:tsc-calibrated"}});
  std::ofstream(v1 / "bench.json") << json{{"context", {{"actbench_schema_version", "1"}}}, {"benchmarks", benches}}.dump();
  const Run old = load_run(v1);
  REQUIRE(old.bench.schema_version == 1);
  REQUIRE(old.find(kReluMax, "throughput", "uniform", "l3"));
  CHECK(old.find(kReluMax, "throughput", "uniform", "l3")->n == 1048576);
  CHECK(old.find(kReluMax, "throughput", "uniform", "dram")->n == 16777216);

  // Version 2 requires the level.
  json v2 = {{"context", {{"actbench_schema_version", "2"}}}, {"benchmarks", benches}};
  const fs::path f2 = scratch("v2") / "bench.json";
  std::ofstream(f2) << v2.dump();
  CHECK_THROWS_WITH(load_bench(f2), Catch::Contains("bench.json") && Catch::Contains("benchmarks[0].working_set_level"));

  const fs::path acc = scratch("acc") / "accuracy.json";
  std::ofstream(acc) << json{{"schema_version", 2}, {"kind", "actbench.accuracy"}, {"inputs", "x"}, {"seconds", 1.0},
                             {"kernels", json::array({{{"name", kSigGood}}})}}
                            .dump();
  CHECK_THROWS_WITH(load_accuracy(acc), Catch::Contains("accuracy.json") && Catch::Contains("kernels[0].normal_results"));
  std::ofstream(acc) << R"({"schema_version": 2, "kind": "actbench.accuracy", "inputs": "x", "seconds": 1, "kern)";
  CHECK_THROWS_WITH(load_accuracy(acc), Catch::Contains("not valid JSON"));

  // A run folder without bench.json, and a folder that is not one.
  CHECK_THROWS_WITH(load_run(scratch("empty")), Catch::Contains("bench.json") && Catch::Contains("cannot open"));
  CHECK_THROWS_WITH(load_run(scratch("empty") / "nope"), Catch::Contains("not a folder"));
}

TEST_CASE("report: instructions beside their published figures, differences over 10% flagged", "[report][instructions]") {
  const fs::path dir = typical_run().write(scratch("instr"));
  std::ofstream(dir / "instructions.json") << json{
      {"schema_version", kSchemaVersion},
      {"kind", "actbench.instructions"},
      {"microarchitecture", "Sapphire Rapids (Golden Cove)"},
      {"published_column", "SPR"},
      {"cycles_source", "tsc-calibrated"},
      {"instructions",
       json::array({{{"name", "instr/vdivps/zmm/lat"}, {"instruction", "vdivps"}, {"width", "zmm"}, {"kind", "lat"},
                     {"cycles", 18.0}, {"cv", 0.01}, {"published", {{"SPR", 18.0}, {"ICX", 17.0}}}},
                    {{"name", "instr/vmaxps/zmm/lat"}, {"instruction", "vmaxps"}, {"width", "zmm"}, {"kind", "lat"},
                     {"cycles", 4.6}, {"cv", 0.01}, {"published", {{"GLC", 4.0}}}}})}}
                                                        .dump();
  const Run run = load_run(dir);
  REQUIRE(run.instructions);
  ::setenv("ACTBENCH_GNUPLOT", "none", 1);
  const std::string md = build_report(run, "", nullptr).markdown();
  ::unsetenv("ACTBENCH_GNUPLOT");
  // vdivps matches SPR exactly; vmaxps has no SPR row, so GLC (same core) stands in: +15%, flagged.
  CHECK_THAT(md, Catch::Contains("| vdivps | zmm | lat | 18.00 | 1.0% | 18.00 | SPR | +0.0% |"));
  CHECK_THAT(md, Catch::Contains("| vmaxps | zmm | lat | 4.600 | 1.0% | 4.000 | GLC | +15.0% ! |"));
  CHECK_THAT(md, Catch::Contains("1 differ by more than 10%"));

  std::ofstream(dir / "instructions.json") << R"({"schema_version": 2, "kind": "actbench.instructions",
    "microarchitecture": "x", "published_column": "", "cycles_source": "tsc", "instructions": [{"name": "instr/a/b/lat"}]})";
  CHECK_THROWS_WITH(load_run(dir), Catch::Contains("instructions.json") && Catch::Contains("instructions[0].instruction"));
}

TEST_CASE("compare: predicted columns for CPUs without a run are marked as predictions", "[report][compare][predict]") {
  const fs::path a = typical_run().write(scratch("pred-a"));
  const fs::path b = typical_run().slug("machine-b").write(scratch("pred-b"));
  std::vector<Run> without = {load_run(a), load_run(b)};
  CHECK_THROWS_WITH(build_comparison(without, 0, "", nullptr, {"znver4"}), Catch::Contains("predictions.json"));
  std::ofstream(a / "predictions.json") << json{
      {"schema_version", kSchemaVersion}, {"kind", "actbench.predictions"}, {"llvm_mca", "llvm-mca-19"},
      {"this_cpu_mcpu", "sapphirerapids"},
      {"kernels", json::array({{{"kernel", kReluMax}, {"values_per_iteration", 32}, {"instructions_per_iteration", 17},
                                {"predictions", {{"znver4", {{"cycles_per_value", 0.0625}, {"bottleneck", "x"}}}}}}})}}
                                                       .dump();
  std::vector<Run> runs = {load_run(a), load_run(b)};
  const std::string md = build_comparison(runs, 0, "", nullptr, {"znver4"}).markdown();
  CHECK_THAT(md, Catch::Contains("PREDICTED znver4 (llvm-mca)"));
  CHECK_THAT(md, Catch::Contains("| " + kReluMax + " | 0.1250 | 0.1250 | 1.00x | #1 | pred. 0.0625 |"));
  CHECK_THAT(md, Catch::Contains("| " + kSigGood + " | 1.250 | 1.250 | 1.00x | #1 | - |"));
  // A target only the second run predicted (its own CPU, say) comes from that run.
  std::ofstream(b / "predictions.json") << json{
      {"schema_version", kSchemaVersion}, {"kind", "actbench.predictions"}, {"llvm_mca", "llvm-mca-19"},
      {"this_cpu_mcpu", "znver1"},
      {"kernels", json::array({{{"kernel", kReluMax}, {"values_per_iteration", 32}, {"instructions_per_iteration", 17},
                                {"predictions", {{"znver1", {{"cycles_per_value", 0.1875}, {"bottleneck", "x"}}}}}}})}}
                                                       .dump();
  std::vector<Run> both = {load_run(a), load_run(b)};
  const std::string md2 = build_comparison(both, 0, "", nullptr, {"znver4", "znver1"}).markdown();
  CHECK_THAT(md2, Catch::Contains("| " + kReluMax + " | 0.1250 | 0.1250 | 1.00x | #1 | pred. 0.0625 | pred. 0.1875 |"));
}

TEST_CASE("compare: a run made on a shared node is flagged", "[report][compare][fleet]") {
  const fs::path a = typical_run().write(scratch("fleet-a"));
  const fs::path b = typical_run().slug("machine-b").write(scratch("fleet-b"));
  std::ofstream(b / "fleet.json") << json{{"kind", "actbench.fleet"}, {"slurm_job", "42"}, {"node", "n7"},
                                          {"exclusive", false}, {"other_jobs_on_node", "41"}}
                                         .dump();
  std::vector<Run> runs = {load_run(a), load_run(b)};
  CHECK(runs[0].exclusive());
  CHECK_FALSE(runs[1].exclusive());
  const Comparison c = compare_runs(runs, 0);
  REQUIRE_FALSE(c.warnings.empty());
  CHECK_THAT(c.warnings.back(), Catch::Contains("#2") && Catch::Contains("n7") && Catch::Contains("41"));
  CHECK_THAT(build_comparison(runs, 0, "", nullptr).markdown(), Catch::Contains("n7 (job 42) NOT EXCLUSIVE"));
  std::ofstream(b / "fleet.json") << R"({"kind": "actbench.fleet"})";
  CHECK_THROWS_WITH(load_run(b), Catch::Contains("fleet.json") && Catch::Contains("'exclusive'"));
}

TEST_CASE("report and summary: ours against the peers, by the medians and in turns (duel.json)", "[report][duel]") {
  const std::string peer = "sigmoid/f32/peer/avx2/xnnpack";
  RunWriter w = typical_run();
  w.bench(peer, "throughput", 1.5).counter("declared_max_ulp", 5);
  const fs::path dir = w.write(scratch("duel"));
  {
    // kSigGood takes 0.8 of the peer's time in turns (10th-90th percentile 0.75-0.85).
    std::ofstream(dir / "duel.json") << json{
        {"schema_version", kSchemaVersion},
        {"kind", "actbench.duel"},
        {"groups", {{{"op", "sigmoid/f32"},
                     {"kernels", {{{"kernel", peer}, {"ratio_median", 1.0}, {"ratio_p10", 1.0}, {"ratio_p90", 1.0}},
                                  {{"kernel", kSigGood}, {"ratio_median", 0.8}, {"ratio_p10", 0.75}, {"ratio_p90", 0.85}}}}}}}}
                                            .dump();
  }
  const std::string text = report_markdown(dir);
  CHECK_THAT(text, Catch::Contains("## Ours against the peers"));
  // The fastest of ours (Schraudolph, 0.5) against the peer's 1.5 by the medians: 3.00; not dueled.
  CHECK_THAT(text, Catch::Contains("| sigmoid/f32 | " + kSigFast + " | 0.5"));
  CHECK_THAT(text, Catch::Contains("| 3.00 | - |"));
  // kSigGood declares no bound in this run, so the op's fastest is the only sigmoid row.
  const std::string summary = run_summary(dir);
  CHECK_THAT(summary, Catch::Contains("ratio 3.00"));
  CHECK_THAT(summary, !Catch::Contains("<=4ULP"));
  // Now with kSigGood declared at 2 ULP (so also the fastest within 4, the row's label): medians
  // 1.5 / 1.25 = 1.20, in turns 1 / 0.8 = 1.25 with the band 1/0.85 to 1/0.75.
  RunWriter w2 = typical_run();
  w2.bench(peer, "throughput", 1.5).counter("declared_max_ulp", 5);
  const fs::path dir2 = w2.write(scratch("duel2"));
  fs::copy_file(dir / "duel.json", dir2 / "duel.json");
  {
    json b;
    std::ifstream(dir2 / "bench.json") >> b;
    for (auto& r : b["benchmarks"])
      if (r["name"].get<std::string>().rfind(kSigGood + "/", 0) == 0) r["declared_max_ulp"] = 2;
    std::ofstream(dir2 / "bench.json") << b.dump();
  }
  const std::string s2 = run_summary(dir2);
  CHECK_THAT(s2, Catch::Contains("sigmoid/f32 <=4ULP ours " + kSigGood));
  CHECK_THAT(s2, Catch::Contains("ratio 1.20   in turns 1.25 [1.18, 1.33]"));
  // A duel.json without its ratios is an error naming the field.
  std::ofstream(dir2 / "duel.json") << R"({"schema_version": 2, "kind": "actbench.duel", "groups": [{"op": "sigmoid/f32",
      "kernels": [{"kernel": "a", "ratio_median": 1}, {"kernel": "b", "ratio_median": 1}]}]})";
  CHECK_THROWS_WITH(run_summary(dir2), Catch::Contains("groups[0].kernels[0].ratio_p10"));
}

TEST_CASE("report: a figure whose calibrated clock was unstable is marked and kept out of the fastest-of picks", "[report]") {
  // A ReLU at 0.05 cycles/value, faster than every other, measured while the clock calibration
  // wandered: neither the claims nor ours-against-the-peers may take it as the fastest.
  const std::string bogus = "relu/f32/jit/sse41/signbit-psrad-andn-u4";
  RunWriter w = typical_run();
  w.bench(bogus, "throughput", 0.05).counter("clock_unstable", 1).counter("core_clock_cv", 11.4);
  const fs::path dir = w.write(scratch("unstable"));
  const std::string text = report_markdown(dir);
  CHECK_THAT(text, Catch::Contains("clock unstable"));
  CHECK_THAT(text, Catch::Contains("Fastest ReLU 0.125 cycles/value (`" + kReluMax + "`)"));
  const std::string summary = run_summary(dir);
  CHECK_THAT(summary, Catch::Contains("relu/f32           ours " + kReluMax));
  CHECK_THAT(summary, Catch::Contains("1 with an unstable clock"));
}
