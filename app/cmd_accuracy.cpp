// actbench accuracy [kernels...]: every kernel's error against the correctly rounded reference.
#include <fmt/core.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "app/commands.hpp"
#include "benches/accuracy.hpp"

namespace actbench::app {

int run_accuracy(const std::vector<std::string>& selectors, const bench::AccuracyOptions& opt, const std::string& json_out,
                 bool print_table) {
  const Registry& reg = Registry::instance();
  std::vector<const Kernel*> ks;
  if (selectors.empty())
    for (const auto& k : reg.all()) ks.push_back(&k);
  else
    ks = reg.select(selectors);
  std::size_t unsupported = 0;
  for (const Kernel* k : ks) unsupported += !k->supported();
  const auto t0 = std::chrono::steady_clock::now();
  const auto results = bench::measure_accuracy(ks, opt);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::size_t exceeding = 0;
  for (const auto& r : results) exceeding += !r.within_declared;
  if (print_table) fmt::print("{}", bench::accuracy_table(results));
  fmt::print("accuracy: {} kernels in {:.0f} s ({}), {} beyond their declared bounds, {} not run (CPU lacks their ISA)\n",
             results.size(), seconds, opt.exhaustive ? "exhaustive" : fmt::format("every {}th float", opt.stride), exceeding,
             unsupported);
  if (!json_out.empty()) {
    std::ofstream out(json_out);
    out << bench::accuracy_json(results, opt, seconds).dump(2) << "\n";
    if (!out) throw std::runtime_error("cannot write " + json_out);
  }
  return exceeding ? 1 : 0;
}

void add_accuracy(CLI::App& app, Action& action) {
  struct Cli {
    std::vector<std::string> kernels;
    bench::AccuracyOptions opt;
    std::string json;
  };
  auto c = std::make_shared<Cli>();
  c->opt.threads = std::max(1u, std::thread::hardware_concurrency());
  auto* cmd = app.add_subcommand("accuracy", "Measure every kernel's error against the correctly rounded reference");
  cmd->add_option("kernels", c->kernels, "Kernel names, groups (sigmoid/f32) or globs; default all");
  cmd->add_flag("--exhaustive", c->opt.exhaustive, "All 2^32 float inputs (f64 kernels: the dense sample)");
  cmd->add_option("--stride", c->opt.stride, "Without --exhaustive: every stride-th float bit pattern")
      ->capture_default_str()
      ->check(CLI::Range(1u, 1u << 30));
  cmd->add_option("--threads", c->opt.threads, "Threads (default: every CPU)")->check(CLI::Range(1u, 256u));
  cmd->add_option("--json", c->json, "Write accuracy.json here");
  cmd->add_flag("!--no-progress", c->opt.progress, "No progress line on stderr");
  cmd->footer("Exit status 1 when a kernel's measured error exceeds what it declares.");
  cmd->callback([&action, c] {
    action = [c] { return run_accuracy(c->kernels, c->opt, c->json, true); };
  });
}

}  // namespace actbench::app
