#include "analysis/compare.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <stdexcept>

#include "analysis/claims.hpp"
#include "analysis/plots.hpp"
#include "analysis/report.hpp"

namespace actbench::analysis {

namespace fs = std::filesystem;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string col(const std::vector<Run>& runs, std::size_t i) { return fmt::format("#{} {}", i + 1, runs[i].label); }

std::string cpu_of(const Run& r) {
  if (!r.machine_json) return "?";
  const auto& cpu = (*r.machine_json)["cpu"];
  std::string s = cpu.value("brand", std::string("?"));
  if (cpu.contains("microarchitecture") && cpu["microarchitecture"].is_string())
    s += " (" + cpu["microarchitecture"].get<std::string>() + ")";
  return s;
}

// One figure table: a row per shared kernel of `mode`, a column per run, ratios to the baseline.
Table figure_table(const std::vector<Run>& runs, std::size_t base, const std::vector<std::string>& kernels,
                   const std::string& mode) {
  std::vector<std::string> head = {"kernel"};
  std::vector<bool> numeric = {false};
  for (std::size_t i = 0; i < runs.size(); ++i) head.push_back(col(runs, i)), numeric.push_back(true);
  for (std::size_t i = 0; i < runs.size(); ++i)
    if (i != base) head.push_back(fmt::format("#{} ÷ #{}", i + 1, base + 1)), numeric.push_back(true);
  head.push_back("fastest");
  numeric.push_back(false);
  Table t;
  t.columns(head, numeric);
  for (const auto& k : kernels) {
    std::vector<const BenchRecord*> recs;
    for (const auto& r : runs) recs.push_back(r.find(k, mode));
    if (std::any_of(recs.begin(), recs.end(), [](auto* p) { return !p; })) continue;
    std::vector<std::string> row = {k};
    std::size_t best = 0;
    for (std::size_t i = 0; i < recs.size(); ++i) {
      row.push_back(fmt_num(recs[i]->cycles_per_value) + (recs[i]->noisy ? "*" : ""));
      if (recs[i]->cycles_per_value < recs[best]->cycles_per_value) best = i;
    }
    for (std::size_t i = 0; i < recs.size(); ++i)
      if (i != base) row.push_back(fmt_ratio(recs[i]->cycles_per_value / recs[base]->cycles_per_value));
    row.push_back(fmt::format("#{}", best + 1));
    t.row(row);
  }
  return t;
}

// llvm-mca's cycles/value for CPUs without a run: each target from the first run whose
// predictions.json has it (a run predicts the default targets and its own CPU's).
void add_predicted_columns(Table& t, const std::vector<Run>& runs, const std::vector<std::string>& targets) {
  if (std::none_of(runs.begin(), runs.end(), [](const Run& r) { return r.predictions.has_value(); }))
    throw std::invalid_argument("--predicted needs a run with predictions.json (actbench predict)");
  for (const auto& target : targets) {
    std::map<std::string, const Prediction*> by_kernel;
    for (const auto& r : runs) {
      if (!r.predictions) continue;
      for (const auto& p : r.predictions->records)
        if (auto it = p.by_target.find(target); it != p.by_target.end()) by_kernel.emplace(p.kernel, &it->second);
      if (!by_kernel.empty()) break;
    }
    t.header.push_back("PREDICTED " + target + " (llvm-mca)");
    t.numeric.push_back(true);
    for (auto& row : t.rows) {
      auto it = by_kernel.find(row[0]);
      const Prediction* p = it == by_kernel.end() ? nullptr : it->second;
      row.push_back(p && p->error.empty() ? "pred. " + fmt_num(p->cycles_per_value) : "-");
    }
  }
}

}  // namespace

std::size_t pick_baseline(const std::vector<Run>& runs, const std::string& which) {
  if (which.empty()) return 0;
  if (std::all_of(which.begin(), which.end(), ::isdigit)) {
    const std::size_t i = std::stoul(which);
    if (i >= 1 && i <= runs.size()) return i - 1;
  }
  std::vector<std::size_t> hits;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const bool same_dir = fs::exists(which) && fs::equivalent(which, runs[i].dir);
    if (same_dir || runs[i].label == which || runs[i].machine == which) hits.push_back(i);
  }
  if (hits.size() == 1) return hits[0];
  std::string list;
  for (std::size_t i = 0; i < runs.size(); ++i) list += fmt::format("\n  {}: {}", i + 1, runs[i].label);
  throw std::invalid_argument(fmt::format("--baseline '{}' {} of the runs; give its number or label:{}", which,
                                          hits.empty() ? "names none" : "names more than one", list));
}

Comparison compare_runs(const std::vector<Run>& runs, std::size_t base) {
  Comparison c;
  std::vector<std::set<std::string>> sets;
  for (const auto& r : runs) {
    const auto k = r.kernels();
    sets.emplace_back(k.begin(), k.end());
  }
  for (const auto& k : runs[base].kernels())
    if (std::all_of(sets.begin(), sets.end(), [&](const auto& s) { return s.count(k) > 0; })) c.shared.push_back(k);
  for (std::size_t i = 0; i < runs.size(); ++i) {
    std::vector<std::string> only;
    for (const auto& k : runs[i].kernels())
      if (std::any_of(sets.begin(), sets.end(), [&](const auto& s) { return !s.count(k); })) only.push_back(k);
    c.only_in.push_back(only);
    double log_sum = 0;
    for (const auto& k : c.shared)
      log_sum += std::log(runs[i].find(k, "throughput")->cycles_per_value / runs[base].find(k, "throughput")->cycles_per_value);
    c.geomean_vs_baseline.push_back(c.shared.empty() ? kNaN : std::exp(log_sum / c.shared.size()));
  }
  std::set<std::string> sources;
  for (const auto& r : runs) sources.insert(r.cycles_source());
  if (sources.size() > 1) {
    std::string s;
    for (std::size_t i = 0; i < runs.size(); ++i) s += fmt::format("{}#{}: {}", i ? "; " : "", i + 1, runs[i].cycles_source());
    c.warnings.push_back("The runs count cycles differently (" + s +
                         "): a PMU cycle count and a calibrated clock agree only when the clock held still; read "
                         "small differences as noise.");
  }
  for (std::size_t i = 0; i < runs.size(); ++i)
    if (!runs[i].exclusive())
      c.warnings.push_back(fmt::format(
          "Run #{} was made on node {} while other jobs shared it ({}): its figures may be disturbed.", i + 1,
          runs[i].fleet->value("node", std::string("?")), runs[i].fleet->value("other_jobs_on_node", std::string("?"))));
  std::set<std::string> profiles;
  for (const auto& r : runs) profiles.insert(r.bench.context.value("actbench_profile", std::string("?")));
  if (profiles.size() > 1) c.warnings.push_back("The runs used different profiles; only their shared points are compared.");
  std::set<std::string> machines;
  for (const auto& r : runs) machines.insert(r.machine);
  if (machines.size() < runs.size())
    c.warnings.push_back("Some runs come from the same machine: their differences are run-to-run variation, not microarchitecture.");
  return c;
}

Document build_comparison(const std::vector<Run>& runs, std::size_t base, const fs::path& plots_dir,
                          std::string* plots_note, const std::vector<std::string>& predicted) {
  const Comparison cmp = compare_runs(runs, base);
  Document doc(fmt::format("actbench comparison: {} runs", runs.size()));
  doc.text(fmt::format("Baseline: #{} `{}`. Ratios are run ÷ baseline, so above 1 is slower than the baseline. "
                       "Compared on the {} kernels every run measured.",
                       base + 1, runs[base].label, cmp.shared.size()));
  for (const auto& w : cmp.warnings) doc.text("**Warning:** " + w);
  doc.heading("Runs");
  Table runs_t;
  runs_t.columns({"#", "run", "CPU", "node (Slurm)", "virtualised", "core clock GHz", "cycles source", "profile", "benchmarks", "noisy",
                  "geomean ÷ baseline"},
                 {true, false, false, false, false, true, false, false, true, true, true});
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const Run& r = runs[i];
    std::size_t noisy = 0;
    for (const auto& b : r.bench.records) noisy += b.noisy;
    runs_t.row({std::to_string(i + 1), r.label, cpu_of(r),
                r.fleet ? fmt::format("{} (job {}){}", r.fleet->value("node", std::string("?")),
                                      r.fleet->value("slurm_job", std::string("?")), r.exclusive() ? "" : " NOT EXCLUSIVE")
                        : "-",
                r.machine_json ? (r.machine_json->value("virtualised", false) ? "yes" : "no") : "?",
                r.machine_json ? fmt_num((*r.machine_json)["clock"].value("core_hz_calibrated", 0.0) * 1e-9) : "-",
                r.cycles_source(), r.bench.context.value("actbench_profile", std::string("?")),
                std::to_string(r.bench.records.size()), std::to_string(noisy), fmt_ratio(cmp.geomean_vs_baseline[i])});
  }
  runs_t.note = "geomean ÷ baseline: the geometric mean over the shared kernels of this run's L1 throughput ÷ the baseline's.";
  doc.table(runs_t);

  doc.heading("The fastest per op on each machine");
  Table win;
  std::vector<std::string> head = {"op"};
  for (std::size_t i = 0; i < runs.size(); ++i) head.push_back(col(runs, i));
  win.columns(head);
  for (const std::string op : {"relu/f32", "sigmoid/f32", "sigmoid/f32 <=2 ULP", "relu/f64", "sigmoid/f64"}) {
    std::vector<std::string> row = {op};
    bool any = false;
    for (const Run& r : runs) {
      const BenchRecord* best = nullptr;
      const std::string prefix = op.substr(0, op.find(' ')) + "/";
      const bool two_ulp = op.find("ULP") != std::string::npos;
      for (const auto& k : r.kernels()) {
        if (k.rfind(prefix, 0) != 0 || k.find("/ref/") != std::string::npos) continue;
        if (two_ulp && !(sigmoid_ulp(r, k) <= 2)) continue;
        const BenchRecord* b = r.find(k, "throughput");
        if (!best || b->cycles_per_value < best->cycles_per_value) best = b;
      }
      row.push_back(best ? fmt::format("{} ({})", best->kernel, fmt_num(best->cycles_per_value)) : "-");
      any |= best != nullptr;
    }
    if (any) win.row(row);
  }
  win.note = "Each machine's own fastest kernel (cycles/value, L1 throughput), among all it ran.";
  doc.table(win);

  std::string sources;
  for (std::size_t i = 0; i < runs.size(); ++i) sources += fmt::format("{}#{} {}", i ? ", " : "", i + 1, runs[i].cycles_source());
  for (const std::string mode : {"throughput", "latency"}) {
    doc.heading("Cycles per value, " + mode);
    Table t = figure_table(runs, base, cmp.shared, mode);
    const bool with_predictions = mode == "throughput" && !predicted.empty();
    if (with_predictions) add_predicted_columns(t, runs, predicted);
    t.note = std::string(with_predictions ? "PREDICTED columns are llvm-mca's predictions for CPUs without a run (pred.), "
                                            "not measurements; they are not in the fastest column. "
                                          : "") +
             "L1 (4096 values), uniform inputs; * noisy. fastest: the run with the fewest cycles/value. Cycles: " +
             sources + ".";
    doc.table(t);
  }

  Plot p{"compare", fmt::format("L1 throughput against the baseline #{}", base + 1),
         fmt::format("#{} {} cycles/value", base + 1, runs[base].label), "cycles/value", true, true, {}};
  double lo = 1e300, hi = 0;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    if (i == base) continue;
    Series s{col(runs, i), {}, false};
    for (const auto& k : cmp.shared) {
      const double x = runs[base].find(k, "throughput")->cycles_per_value, y = runs[i].find(k, "throughput")->cycles_per_value;
      s.xy.push_back({x, y});
      lo = std::min({lo, x, y}), hi = std::max({hi, x, y});
    }
    p.series.push_back(s);
  }
  if (hi > 0) p.series.push_back({"same as baseline", {{lo, lo}, {hi, hi}}, true});
  doc.heading("Picture");
  PlotSink plots(plots_dir);
  plots.add(doc, p, "Each shared kernel: its cycles/value on the baseline (x) and on each other run (y); above the line is slower.");
  if (plots_note) *plots_note = plots.note();

  doc.heading("Kernels not in every run");
  bool any_only = false;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    if (cmp.only_in[i].empty()) continue;
    any_only = true;
    std::string list;
    for (const auto& k : cmp.only_in[i]) list += (list.empty() ? "`" : ", `") + k + "`";
    doc.text(fmt::format("Only some runs have these kernels of #{} ({}): {}.", i + 1, cmp.only_in[i].size(), list));
  }
  if (!any_only) doc.text("None: every run measured the same kernels.");
  return doc;
}

CompareResult write_comparison(const std::vector<fs::path>& run_dirs, const fs::path& out_dir,
                               const std::string& baseline, bool plots, const std::vector<std::string>& predicted) {
  if (run_dirs.size() < 2) throw std::invalid_argument("compare needs at least two runs");
  std::vector<Run> runs;
  for (const auto& d : run_dirs) runs.push_back(load_run(d));
  const std::size_t base = pick_baseline(runs, baseline);
  for (const char* f : {"compare.md", "compare.html", "compare.csv"})
    if (fs::exists(out_dir / f))
      throw std::invalid_argument((out_dir / f).string() + " exists: a comparison is never overwritten; choose another --out");
  fs::create_directories(out_dir);
  CompareResult res;
  res.comparison = compare_runs(runs, base);
  const Document doc = build_comparison(runs, base, plots ? out_dir / "plots" : fs::path(), &res.plots_note, predicted);
  std::string csv = "kernel,mode,run,machine,cycles_per_value,cv,noisy,cycles_source,ratio_to_baseline\n";
  for (const auto& k : res.comparison.shared)
    for (const std::string mode : {"throughput", "latency"})
      for (const auto& r : runs) {
        const BenchRecord* b = r.find(k, mode);
        const BenchRecord* bb = runs[base].find(k, mode);
        if (!b || !bb) continue;
        csv += fmt::format("{},{},{},{},{:.6g},{:.4g},{},\"{}\",{:.4g}\n", k, mode, r.label, r.machine, b->cycles_per_value,
                           b->cv, b->noisy ? 1 : 0, r.cycles_source(), b->cycles_per_value / bb->cycles_per_value);
      }
  for (const auto& [name, text] : {std::pair<std::string, std::string>{"compare.md", doc.markdown()},
                                   {"compare.html", doc.html()},
                                   {"compare.csv", csv}}) {
    write_text(out_dir / name, text);
    res.files.push_back(out_dir / name);
  }
  return res;
}

}  // namespace actbench::analysis
