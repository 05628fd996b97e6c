// `actbench duel A B [C...]`: the kernels take turns (benches/duel.hpp); prints each one's time
// against the first's, the figure that still ranks them when the machine is noisy. `actbench run`
// uses the same for ours against the peers (duel.json in the run).
#include <fmt/core.h>

#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>

#include "analysis/contenders.hpp"
#include "analysis/result_schema.hpp"
#include "app/commands.hpp"
#include "benches/duel.hpp"
#include "kernels/registry.hpp"

namespace actbench::app {
namespace {

struct Group {
  std::string op;
  std::vector<bench::DuelResult> results;
};

void write_duels(const std::string& path, const std::vector<Group>& groups, const bench::DuelOptions& o) {
  nlohmann::json gs = nlohmann::json::array();
  for (const auto& g : groups) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& r : g.results)
      rows.push_back({{"kernel", r.kernel}, {"ticks_per_value_median", r.ticks_per_value_median},
                      {"ticks_per_value_min", r.ticks_per_value_min}, {"ratio_median", r.ratio_median},
                      {"ratio_p10", r.ratio_p10}, {"ratio_p90", r.ratio_p90}});
    gs.push_back({{"op", g.op}, {"kernels", rows}});
  }
  std::ofstream f(path);
  f << nlohmann::json{{"kind", "actbench.duel"}, {"schema_version", analysis::kSchemaVersion}, {"n", o.n},
                      {"rounds", o.rounds}, {"calls", o.calls}, {"out_offset", o.out_offset},
                      {"time_unit", "tsc ticks per value"}, {"groups", gs}}
           .dump(2)
    << "\n";
  if (!f) throw std::runtime_error("cannot write " + path);
}

}  // namespace

int write_run_duels(const std::string& run_dir) {
  const analysis::BenchFile b = analysis::load_bench(std::filesystem::path(run_dir) / "bench.json");
  const bench::DuelOptions opt;
  std::vector<Group> groups;
  for (const auto& c : analysis::ours_vs_peers(b)) {
    if (!c.peer) continue;
    std::vector<const Kernel*> ks;
    auto take = [&](const analysis::BenchRecord* r) {
      const Kernel* k = Registry::instance().find(r->kernel);
      if (k && k->supported()) ks.push_back(k);
    };
    take(c.peer);  // the yardstick
    for (const auto& row : analysis::rows_of(c)) take(row.ours);
    if (ks.size() < 2) continue;
    fmt::print(stderr, "actbench: {} in turns:", c.op);
    for (const Kernel* k : ks) fmt::print(stderr, " {}", k->name());
    fmt::print(stderr, "\n");
    groups.push_back({c.op, bench::duel(ks, opt)});
  }
  write_duels((std::filesystem::path(run_dir) / "duel.json").string(), groups, opt);
  return 0;
}

void add_duel(CLI::App& app, Action& action) {
  struct Opts {
    std::vector<std::string> kernels;
    bench::DuelOptions duel;
    std::string json;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand(
      "duel", "Time kernels in turns, a short region each, and give each one's time against the first's (median over rounds)");
  cmd->add_option("kernels", o->kernels, "Two or more full kernel names; the first is the yardstick")->required()->expected(2, -1);
  cmd->add_option("-n", o->duel.n, "Values per call")->capture_default_str()->check(CLI::Range(1, 1 << 26));
  cmd->add_option("--rounds", o->duel.rounds, "Turns per kernel")->capture_default_str()->check(CLI::Range(1, 100000));
  cmd->add_option("--calls", o->duel.calls, "Calls per timed region")->capture_default_str()->check(CLI::Range(1, 100000));
  cmd->add_option("--json", o->json, "Also write the results here (duel.json's format)");
  cmd->callback([&action, o] {
    action = [o] {
      std::vector<const Kernel*> ks;
      for (const auto& name : o->kernels) {
        const Kernel* k = Registry::instance().find(name);
        if (!k) throw std::invalid_argument("unknown kernel '" + name + "' (`actbench list` shows the names)");
        ks.push_back(k);
      }
      const auto res = bench::duel(ks, o->duel);
      fmt::print("{} rounds of {} calls at n = {}, in turns; time in TSC ticks per value; ratio = time / the first's, "
                 "median [10th, 90th percentile] over rounds\n",
                 o->duel.rounds, o->duel.calls, o->duel.n);
      for (const auto& r : res)
        fmt::print("{:<58} median {:>8.4f}  min {:>8.4f}  ratio {:.3f} [{:.3f}, {:.3f}]\n", r.kernel, r.ticks_per_value_median,
                   r.ticks_per_value_min, r.ratio_median, r.ratio_p10, r.ratio_p90);
      if (!o->json.empty()) write_duels(o->json, {{ks[0]->parts().op_key(), res}}, o->duel);
      return 0;
    };
  });
}

}  // namespace actbench::app
