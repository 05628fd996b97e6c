// actbench bench: the registry's kernels under Google Benchmark.
// actbench run: a new results/<machine>/<UTC timestamp>/ with machine.json and bench.json.
#include <benchmark/benchmark.h>
#include <fmt/core.h>

#include <sstream>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <thread>

#include "analysis/result_schema.hpp"
#include "analysis/summary.hpp"
#include "app/commands.hpp"
#include "benches/machine_info.hpp"
#include "benches/suite.hpp"
#include "counters/tsc_clock.hpp"

namespace actbench::app {

std::string utc_stamp() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
  return buf;
}

namespace {

namespace fs = std::filesystem;

struct BenchCli {
  bench::SuiteOptions suite;
  std::string json_out;             // bench: optional JSON file
  std::string results = "results";  // run: where runs go
  std::string machine;              // run: folder name override
  bool accuracy = true;             // run: also measure accuracy (default sample) into accuracy.json
  bool instructions = true;         // run: also measure the instruction study into instructions.json
  bool predict = true;              // run: llvm-mca predictions into predictions.json
  bool report = true;               // run: write the report into the run
  bool duel = true;                 // run: time ours against the peers in turns (duel.json)
};

// A new, empty run directory; never an existing one (mkdir is the atomic test).
fs::path make_run_dir(const fs::path& machine_dir) {
  fs::create_directories(machine_dir);
  const std::string stamp = utc_stamp();
  for (int i = 1; i < 100; ++i) {
    const fs::path p = machine_dir / (i == 1 ? stamp : stamp + "-" + std::to_string(i));
    if (mkdir(p.c_str(), 0755) == 0) return p;
    if (errno != EEXIST) throw std::runtime_error("cannot create " + p.string() + ": " + std::strerror(errno));
  }
  throw std::runtime_error("too many runs in the same second under " + machine_dir.string());
}

// Google Benchmark writes its context before the run; what is known only after is added here.
void add_context(const std::string& json_file, const std::string& key, const std::string& value) {
  nlohmann::json j = analysis::read_json(json_file);
  j["context"][key] = value;
  const std::string tmp = json_file + ".tmp";
  {
    std::ofstream out(tmp);
    out << j.dump(2) << "\n";
    if (!out) throw std::runtime_error("cannot write " + tmp);
  }
  fs::rename(tmp, json_file);
}

// Hands the remaining arguments to Google Benchmark; returns how many benchmarks ran.
std::size_t run_google_benchmark(const std::vector<std::string>& extra, const std::string& json_out,
                                 const BenchCli& cli) {
  const bench::SuitePlan plan = bench::register_suite(Registry::instance(), cli.suite);
  std::vector<std::string> args = {"actbench"};
  args.insert(args.end(), extra.begin(), extra.end());
  const bool has_min_time = std::any_of(extra.begin(), extra.end(), [](const std::string& a) {
    return a.rfind("--benchmark_min_time", 0) == 0;
  });
  if (!has_min_time) args.push_back(fmt::format("--benchmark_min_time={}", bench::profile_min_time(cli.suite.profile)));
  if (!json_out.empty()) {
    args.push_back("--benchmark_out=" + json_out);
    args.push_back("--benchmark_out_format=json");
  }
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  int argc = static_cast<int>(argv.size());
  argv.push_back(nullptr);
  benchmark::Initialize(&argc, argv.data());
  if (benchmark::ReportUnrecognizedArguments(argc, argv.data())) throw std::runtime_error("unknown benchmark flag");

  const counters::ClockCalibration cal = counters::calibrate_core_clock(15, 2000);
  benchmark::AddCustomContext("actbench_schema_version", std::to_string(analysis::kSchemaVersion));
  benchmark::AddCustomContext("actbench_profile", cli.suite.profile);
  benchmark::AddCustomContext("actbench_machine", bench::machine_slug());
  benchmark::AddCustomContext("cycles_source", plan.counters.cycles_source);
  benchmark::AddCustomContext("cycles_method",
                              plan.counters.cycles_source.rfind("papi:", 0) == 0
                                  ? "PAPI cycle counter; N and 2N calls per sample, difference taken"
                                  : "TSC ticks x core cycles per tick from a dependent add r64,r64 chain timed "
                                    "before each sample; N and 2N calls per sample, difference taken");
  for (const auto& c : plan.counters.counters) benchmark::AddCustomContext("counter:" + c.name, c.source);
  benchmark::AddCustomContext("tsc_hz", fmt::format("{:.0f}", counters::tsc_hz()));
  benchmark::AddCustomContext("core_hz_calibrated", fmt::format("{:.0f}", cal.core_hz));
  benchmark::AddCustomContext("out_offset_bytes", std::to_string(cli.suite.out_offset));
  std::string absent;
  for (const auto& p : absent_peers()) absent += (absent.empty() ? "" : ",") + p;
  benchmark::AddCustomContext("actbench_peers_absent", absent);
  benchmark::AddCustomContext("noisy_cv_threshold", fmt::format("{}", cli.suite.noisy_cv));
  fmt::print(stderr, "actbench: profile {}, {} kernels, {} benchmarks ({} kernels unsupported here, skipped); "
             "cycles source: {}, calibrated core clock {:.3f} GHz\n",
             cli.suite.profile, plan.kernels, plan.benchmarks, plan.unsupported.size(), plan.counters.cycles_source,
             cal.core_hz * 1e-9);
  for (const auto& c : plan.counters.counters) fmt::print(stderr, "actbench: counter {}: {}\n", c.name, c.source);
  const auto t0 = std::chrono::steady_clock::now();
  const std::size_t ran = benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  fmt::print(stderr, "actbench: {} benchmarks in {:.0f} s\n", ran, seconds);
  if (!json_out.empty()) add_context(json_out, "actbench_seconds", fmt::format("{:.0f}", seconds));
  return ran;
}

void add_suite_options(CLI::App* cmd, BenchCli& cli) {
  cmd->add_option("-p,--profile", cli.suite.profile, "Suite profile: smoke (L1 only, short), quick (default of scripts/run) or full")
      ->capture_default_str()
      ->check(CLI::IsMember({"smoke", "quick", "full"}));
  cmd->add_option("-k,--kernel", cli.suite.selectors,
                  "Kernel name, group (relu/f32, sigmoid) or glob; repeatable; default all");
  cmd->add_option("--out-offset", cli.suite.out_offset,
                  "Bytes between the output buffer's page start and the output (4 KiB aliasing study)")
      ->capture_default_str();
  cmd->add_option("--noisy-cv", cli.suite.noisy_cv, "Flag a benchmark noisy above this coefficient of variation")
      ->capture_default_str();
  // One value, split here. `none` (not an empty `--counters=`, which CLI11 reads as "the next
  // argument is the value") turns counting off.
  cmd->add_option_function<std::string>(
         "--counters",
         [&cli](const std::string& list) {
           cli.suite.counters.clear();
           if (list == "none") return;
           std::stringstream ss(list);
           for (std::string c; std::getline(ss, c, ',');)
             if (!c.empty()) cli.suite.counters.push_back(c);
         },
         "PAPI events per benchmark, comma separated: cycles, instructions, ref-cycles, branch-misses, "
         "l1d-misses or any PAPI name (perf::TASK-CLOCK); each is used where available, and an unknown "
         "name stops the run before it starts. Default cycles,instructions,branch-misses,l1d-misses; "
         "--counters none for none")
      ->expected(1);
  cmd->add_flag("!--no-calibration", cli.suite.calibration, "Skip the known-answer calib/* benchmarks");
  cmd->allow_extras();
  cmd->footer("Other arguments go to Google Benchmark, e.g. --benchmark_filter=REGEX --benchmark_repetitions=N.");
}

}  // namespace

void add_bench(CLI::App& app, Action& action) {
  auto cli = std::make_shared<BenchCli>();
  auto* bench_cmd = app.add_subcommand("bench", "Run kernels under Google Benchmark (cycles/value per benchmark)");
  add_suite_options(bench_cmd, *cli);
  bench_cmd->add_option("--json", cli->json_out, "Also write Google Benchmark's JSON, with actbench's context");
  bench_cmd->callback([&action, cli, bench_cmd] {
    action = [cli, extra = bench_cmd->remaining()] {
      run_google_benchmark(extra, cli->json_out, *cli);
      return 0;
    };
  });

  auto* run_cmd = app.add_subcommand("run", "Make a new results run: machine.json, bench.json, accuracy.json, instructions.json, predictions.json, duel.json, the report and a summary");
  add_suite_options(run_cmd, *cli);
  run_cmd->add_option("--results", cli->results, "Folder that holds one folder per machine")->capture_default_str();
  run_cmd->add_option("--machine", cli->machine, "Machine folder name (default: from the CPU)");
  run_cmd->add_flag("!--no-accuracy", cli->accuracy, "Skip the accuracy measurement (accuracy.json)");
  run_cmd->add_flag("!--no-instructions", cli->instructions, "Skip the instruction study (instructions.json)");
  run_cmd->add_flag("!--no-predict", cli->predict, "Skip the llvm-mca predictions (predictions.json)");
  run_cmd->add_flag("!--no-duel", cli->duel, "Skip timing ours against the peers in turns (duel.json)");
  run_cmd->add_flag("!--no-report", cli->report, "Skip the report (report.md, report.html, figures.csv, plots/)");
  run_cmd->callback([&action, cli, run_cmd] {
    action = [cli, extra = run_cmd->remaining()] {
      const fs::path dir = make_run_dir(fs::path(cli->results) / (cli->machine.empty() ? bench::machine_slug() : cli->machine));
      fmt::print(stderr, "actbench: writing {}\n", dir.string());
      {
        std::ofstream m(dir / "machine.json");
        m << bench::describe_machine().dump(2) << "\n";
        if (!m) throw std::runtime_error("cannot write " + (dir / "machine.json").string());
      }
      run_google_benchmark(extra, (dir / "bench.json").string(), *cli);
      if (cli->accuracy) {
        bench::AccuracyOptions opt;
        opt.threads = std::max(1u, std::thread::hardware_concurrency());
        run_accuracy(cli->suite.selectors, opt, (dir / "accuracy.json").string(), false);
      }
      if (cli->instructions) {
        fmt::print(stderr, "actbench: instruction study (instructions.json)\n");
        run_instructions({}, (dir / "instructions.json").string(), false);
      }
      if (cli->predict) {
        fmt::print(stderr, "actbench: llvm-mca predictions (predictions.json)\n");
        try {
          bench::PredictOptions popt;
          popt.selectors = cli->suite.selectors;
          run_predict(popt, (dir / "predictions.json").string(), false);
        } catch (const std::runtime_error& e) {  // llvm-mca absent: the run goes on without predictions
          fmt::print(stderr, "actbench: no predictions: {}\n", e.what());
        }
      }
      if (cli->duel) {
        fmt::print(stderr, "actbench: ours against the peers, in turns (duel.json)\n");
        write_run_duels(dir.string());
      }
      if (cli->report) write_run_report(dir.string(), true);
      fmt::print("\n{}\nrun: {}\nreport: {}\n", analysis::run_summary(dir), dir.string(), (dir / "report.html").string());
      return 0;
    };
  });
}

void add_summary(CLI::App& app, Action& action) {
  auto dir = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("summary", "Print the summary table of a results run");
  cmd->add_option("run-dir", *dir, "A results/<machine>/<timestamp>/ folder")->required();
  cmd->callback([&action, dir] {
    action = [dir] {
      fmt::print("{}", analysis::run_summary(*dir));
      return 0;
    };
  });
}

}  // namespace actbench::app
