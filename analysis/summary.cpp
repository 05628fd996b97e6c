#include "analysis/summary.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <map>
#include <set>

#include "analysis/result_schema.hpp"

namespace actbench::analysis {

std::string run_summary(const std::filesystem::path& run_dir) {
  const BenchFile b = load_bench(run_dir / "bench.json");
  std::string out;
  if (std::filesystem::exists(run_dir / "machine.json")) {
    const auto m = load_machine(run_dir / "machine.json");
    out += fmt::format("machine: {} ({}), calibrated core clock {:.3f} GHz\n", m["cpu"].value("brand", "?"),
                       m.value("slug", "?"), m["clock"].value("core_hz_calibrated", 0.0) * 1e-9);
  }
  // One row per kernel at its smallest working set (the L1 reference point), fastest first per op.
  std::map<std::string, const BenchRecord*> best;
  std::set<std::string> sources;
  std::size_t skipped = 0, noisy = 0;
  for (const auto& r : b.records) {
    if (r.skipped) {
      ++skipped;
      continue;
    }
    noisy += r.noisy;
    sources.insert(r.cycles_source);
    auto& slot = best[r.kernel + "\t" + r.mode + "\t" + r.dist];
    if (!slot || r.n < slot->n) slot = &r;
  }
  std::vector<const BenchRecord*> rows;
  for (auto& [k, r] : best) rows.push_back(r);
  std::sort(rows.begin(), rows.end(), [](auto* a, auto* b) {
    const std::string opa = a->kernel.substr(0, a->kernel.find('/')), opb = b->kernel.substr(0, b->kernel.find('/'));
    return opa != opb ? opa < opb : a->cycles_per_value < b->cycles_per_value;
  });
  std::size_t w = 6;
  for (auto* r : rows) w = std::max(w, r->kernel.size());
  out += fmt::format("{:<{}}  {:>10} {:>7} {:>12} {:>10} {:>6}  {}\n", "kernel", w, "mode", "n", "cycles/value",
                     "min", "CV", "");
  for (auto* r : rows)
    out += fmt::format("{:<{}}  {:>10} {:>7} {:>12.4f} {:>10.4f} {:>5.1f}%  {}\n", r->kernel, w, r->mode, r->n,
                       r->cycles_per_value, r->cycles_per_value_min, 100 * r->cv, r->noisy ? "noisy" : "");
  std::string src;
  for (const auto& s : sources) src += (src.empty() ? "" : ", ") + s;
  out += fmt::format("cycles source: {}; {} benchmarks, {} noisy, {} skipped (unsupported here)\n",
                     src.empty() ? "none" : src, b.records.size(), noisy, skipped);
  return out;
}

}  // namespace actbench::analysis
