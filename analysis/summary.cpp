#include "analysis/summary.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "analysis/contenders.hpp"
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
  // One row per kernel: uniform inputs at its smallest working set (the L1 reference point),
  // throughput and latency side by side, fastest first per op.
  struct Row {
    const BenchRecord* tput = nullptr;
    const BenchRecord* lat = nullptr;
  };
  std::map<std::string, Row> rows_by_kernel;
  std::set<std::string> sources;
  std::size_t skipped = 0, noisy = 0, unstable = 0;
  for (const auto& r : b.records) {
    if (r.skipped) {
      ++skipped;
      continue;
    }
    noisy += r.noisy;
    unstable += r.clock_unstable;
    sources.insert(r.cycles_source);
    if (r.dist != "uniform" || r.out_offset) continue;
    const BenchRecord*& slot = r.mode == "latency" ? rows_by_kernel[r.kernel].lat : rows_by_kernel[r.kernel].tput;
    if (!slot || r.n < slot->n) slot = &r;
  }
  std::vector<std::pair<std::string, Row>> rows(rows_by_kernel.begin(), rows_by_kernel.end());
  auto key = [](const Row& r) { return r.tput ? r.tput->cycles_per_value : 1e300; };
  std::sort(rows.begin(), rows.end(), [&](const auto& a, const auto& b) {
    const std::string opa = a.first.substr(0, a.first.find('/')), opb = b.first.substr(0, b.first.find('/'));
    return opa != opb ? opa < opb : key(a.second) < key(b.second);
  });
  std::size_t w = 6;
  for (const auto& [k, r] : rows) w = std::max(w, k.size());
  auto cell = [](const BenchRecord* r) {
    return r ? fmt::format("{:>9.4f} {:>5.1f}%{}", r->cycles_per_value, 100 * r->cv,
                           r->clock_unstable ? "!" : r->noisy ? "*" : " ")
             : fmt::format("{:>17}", "-");
  };
  out += fmt::format("{:<{}}  {:>7}  {:>17}  {:>17}\n", "kernel (cycles/value, CV; * noisy, ! clock unstable)", w, "n", "throughput",
                     "latency");
  for (const auto& [k, r] : rows)
    out += fmt::format("{:<{}}  {:>7}  {}  {}\n", k, w, r.tput ? r.tput->n : r.lat->n, cell(r.tput), cell(r.lat));
  // Ours against the peers: the fastest of each side per op, L1 uniform throughput; then, where
  // the run timed them in turns (duel.json), the paired ratio, which noise does not reorder.
  if (const auto contenders = ours_vs_peers(b); !contenders.empty()) {
    std::optional<DuelFile> duels;
    if (std::filesystem::exists(run_dir / "duel.json")) duels = load_duels(run_dir / "duel.json");
    auto paired = [&](const std::string& op, const BenchRecord* ours, const BenchRecord* peer) -> std::string {
      if (!duels || !peer) return "";
      const auto p = paired_speedup(*duels, op, ours->kernel, peer->kernel);
      return p ? fmt::format("   in turns {:.2f} [{:.2f}, {:.2f}]", p->median, p->low, p->high) : "";
    };
    out += "\nours against the peers (fastest at n = 4096, throughput, cycles/value; ratio = peer / ours;\n"
           "  <=N ULP: the fastest of ours whose declared error is at most N ULP; the peers' own bounds: `actbench list`;\n"
           "  in turns: peer / ours timed alternately in the same seconds (duel.json), median [10th, 90th percentile])\n";
    for (const auto& c : contenders)
      for (const auto& [ours, max_ulp] : rows_of(c)) {
        const std::string label = max_ulp ? fmt::format("{} <={}ULP", c.op, max_ulp) : c.op;
        out += fmt::format("  {:<18} ours {:<52} {:>8.4f}", label, ours->kernel, ours->cycles_per_value);
        if (c.peer)
          out += fmt::format("   peer {:<34} {:>8.4f}   ratio {:.2f}{}\n", c.peer->kernel, c.peer->cycles_per_value,
                             c.peer->cycles_per_value / ours->cycles_per_value, paired(c.op, ours, c.peer));
        else
          out += "   no peer measured\n";
      }
    const std::string absent = b.context.value("actbench_peers_absent", std::string());
    out += absent.empty() ? "  every peer was built\n" : "  peers absent from this build: " + absent + "\n";
  }
  if (std::filesystem::exists(run_dir / "accuracy.json")) {
    const AccuracyFile acc = load_accuracy(run_dir / "accuracy.json");
    std::string beyond;
    std::size_t n_beyond = 0;
    for (const auto& k : acc.records)
      if (!k.within_declared) beyond += "\n  " + k.kernel + ": " + k.verdict, ++n_beyond;
    out += fmt::format("\naccuracy ({}): {} kernels measured in {:.0f} s, {} beyond their declared bounds{}\n", acc.inputs,
                       acc.records.size(), acc.seconds, n_beyond, beyond);
  }
  if (!b.calibration.empty()) {
    out += "\nknown-answer calibration (cycles per instruction; expected: Intel Skylake to Ice Lake)\n";
    for (const auto& c : b.calibration) {
      if (c.skipped) {
        out += fmt::format("  {:<24} skipped: {}\n", c.name, c.skip_reason);
        continue;
      }
      std::string exp = c.expected ? fmt::format("{:>6.2f}  {:+6.1f}%", *c.expected, 100 * (c.cycles_per_instruction / *c.expected - 1))
                                   : std::string("     -");
      const std::string note = b.context.value("note:" + c.name, std::string());
      out += fmt::format("  {:<24} {:>7.3f}  {}{}\n", c.name, c.cycles_per_instruction, exp, note.empty() ? "" : "  (" + note + ")");
    }
  }
  std::string src;
  for (const auto& s : sources) src += (src.empty() ? "" : ", ") + s;
  const std::string profile = b.context.value("actbench_profile", std::string("?"));
  const std::string seconds = b.context.value("actbench_seconds", std::string("?"));
  for (const auto& [key, value] : b.context.items()) {
    if (key.rfind("counter:", 0) != 0 || !value.is_string()) continue;
    std::string v = value.get<std::string>();
    if (v.size() > 110) v = v.substr(0, 107) + "...";
    out += fmt::format("counter {}: {}\n", key.substr(8), v);
  }
  out += fmt::format("profile {} ({} s); cycles source: {}; {} benchmarks, {} noisy (CV > {}), {} with an unstable clock "
                     "(left out of the fastest-of picks), {} skipped (unsupported here)\n",
                     profile, seconds, b.context.value("cycles_source", src.empty() ? std::string("none") : src),
                     b.records.size(), noisy,
                     b.context.value("noisy_cv_threshold", std::string("?")), unstable, skipped);
  return out;
}

}  // namespace actbench::analysis
