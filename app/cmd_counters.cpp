// actbench counters: which counters this machine can count and why not, and its clocks.
// PAPI's version and components, every requested event (available or not, and the reason), a
// sample of each available one over a short busy loop, the TSC frequency and the calibrated core
// clock over several calibrations.
#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>

#include "app/commands.hpp"
#include "counters/papi_counters.hpp"
#include "counters/tsc_clock.hpp"

namespace actbench::app {
namespace {

constexpr int kCalibrations = 5;
constexpr int kSampleMs = 20;

const std::vector<std::string> kDefaultEvents = {"cycles",        "instructions", "ref-cycles",
                                                 "branch-misses", "l1d-misses",   "perf::TASK-CLOCK"};

// Spins on the clock for `ms`; returns the wall time it took, in ns.
long long spin_ns(int ms) {
  using clock = std::chrono::steady_clock;
  const auto t0 = clock::now();
  auto t1 = t0;
  while (t1 - t0 < std::chrono::milliseconds(ms)) t1 = clock::now();
  return std::chrono::duration_cast<std::chrono::nanoseconds>(t1 - t0).count();
}

struct ClockReport {
  double tsc_hz = 0;
  std::vector<counters::ClockCalibration> cals;
  double median_hz = 0, min_hz = 0, max_hz = 0;
  double median_spread = 0, max_spread = 0;
};

ClockReport measure_clocks() {
  ClockReport r;
  r.tsc_hz = counters::tsc_hz();
  std::vector<double> hz, spread;
  for (int i = 0; i < kCalibrations; ++i) {
    r.cals.push_back(counters::calibrate_core_clock());
    hz.push_back(r.cals.back().core_hz);
    spread.push_back(r.cals.back().spread);
  }
  std::sort(hz.begin(), hz.end());
  std::sort(spread.begin(), spread.end());
  r.median_hz = hz[hz.size() / 2];
  r.min_hz = hz.front();
  r.max_hz = hz.back();
  r.median_spread = spread[spread.size() / 2];
  r.max_spread = spread.back();
  return r;
}

}  // namespace

void add_counters(CLI::App& app, Action& action) {
  auto* cmd = app.add_subcommand(
      "counters", "Say which PAPI counters this machine can count (and why not), and its TSC and core clock");
  auto json = std::make_shared<bool>(false);
  auto events = std::make_shared<std::vector<std::string>>(kDefaultEvents);
  cmd->add_option("--events", *events,
                  "Events, comma separated: aliases (cycles, instructions, ref-cycles, branch-misses, l1d-misses), "
                  "PAPI presets (PAPI_TOT_CYC) or native names (perf::TASK-CLOCK)")
      ->delimiter(',')
      ->capture_default_str();
  cmd->add_flag("--json", *json, "Print the same as JSON");
  cmd->callback([&action, json, events] {
    action = [json, events] {
      // Unknown names throw here, before anything is printed (main: "actbench: ...", exit 2).
      counters::PapiCounterSet set(*events);
      set.start();
      const long long wall_ns = spin_ns(kSampleMs);
      set.stop();
      const auto values = set.values();
      const std::string version = counters::papi_version_string();
      const auto components = counters::papi_components();
      const ClockReport clk = measure_clocks();

      if (*json) {
        nlohmann::json out;
        out["papi_version"] = version;
        out["components"] = nlohmann::json::array();
        for (const auto& c : components)
          out["components"].push_back({{"name", c.name},
                                       {"description", c.description},
                                       {"disabled", c.disabled},
                                       {"disabled_reason", c.disabled_reason},
                                       {"native_events", c.native_events}});
        out["sample_wall_ns"] = wall_ns;
        out["events"] = nlohmann::json::array();
        for (std::size_t i = 0; i < set.info().size(); ++i) {
          const auto& e = set.info()[i];
          out["events"].push_back({{"name", e.name},
                                   {"event", e.event},
                                   {"unit", e.unit},
                                   {"available", e.available},
                                   {"source", e.source},
                                   {"sample", values[i] ? nlohmann::json(*values[i]) : nlohmann::json()}});
        }
        nlohmann::json cals = nlohmann::json::array();
        for (const auto& c : clk.cals)
          cals.push_back({{"core_hz", c.core_hz},
                          {"cycles_per_tick", c.cycles_per_tick},
                          {"spread", c.spread},
                          {"trials", c.trials}});
        out["clock"] = {{"tsc_hz", clk.tsc_hz},
                        {"core_ghz", {{"median", clk.median_hz / 1e9}, {"min", clk.min_hz / 1e9}, {"max", clk.max_hz / 1e9}}},
                        {"spread", {{"median", clk.median_spread}, {"max", clk.max_spread}}},
                        {"calibrations", cals}};
        fmt::print("{}\n", out.dump(2));
        return 0;
      }

      fmt::print("PAPI {}\n", version);
      fmt::print("components:\n");
      std::size_t cw = 4;
      for (const auto& c : components) cw = std::max(cw, c.name.size());
      for (const auto& c : components) {
        if (c.disabled)
          fmt::print("  {:<{}}  disabled  {}\n", c.name, cw, c.disabled_reason);
        else
          fmt::print("  {:<{}}  enabled   {}, {} native events\n", c.name, cw, c.description, c.native_events);
      }

      fmt::print("events (sample: count over a {} ms busy loop):\n", kSampleMs);
      std::size_t nw = 4, ew = 5;
      for (const auto& e : set.info()) {
        nw = std::max(nw, e.name.size());
        ew = std::max(ew, e.event.size());
      }
      fmt::print("  {:<{}}  {:<{}}  {:<12}  {:<9}  {:>12}  {}\n", "name", nw, "event", ew, "unit", "available", "sample",
                 "source");
      for (std::size_t i = 0; i < set.info().size(); ++i) {
        const auto& e = set.info()[i];
        const std::string sample = values[i] ? std::to_string(*values[i]) : "-";
        if (e.available) {
          fmt::print("  {:<{}}  {:<{}}  {:<12}  {:<9}  {:>12}  {}\n", e.name, nw, e.event, ew, e.unit, "yes", sample,
                     e.source);
        } else {
          fmt::print("  {:<{}}  {:<{}}  {:<12}  {:<9}  {:>12}\n", e.name, nw, e.event, ew, e.unit, "no", sample);
          fmt::print("      {}\n", e.source);
        }
      }

      fmt::print("clock:\n");
      fmt::print("  TSC         {:.4f} GHz\n", clk.tsc_hz / 1e9);
      fmt::print("  core clock  {:.3f} GHz median of {} calibrations (min {:.3f}, max {:.3f}); spread within a "
                 "calibration: median {:.2f}%, max {:.2f}%\n",
                 clk.median_hz / 1e9, kCalibrations, clk.min_hz / 1e9, clk.max_hz / 1e9, 100 * clk.median_spread,
                 100 * clk.max_spread);
      return 0;
    };
  });
}

}  // namespace actbench::app
