#include "analysis/report.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <set>

#include "analysis/claims.hpp"
#include "analysis/contenders.hpp"
#include "analysis/plots.hpp"

namespace actbench::analysis {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string str(const json& j, const char* key, const std::string& dflt = "?") {
  if (!j.contains(key) || j[key].is_null()) return dflt;
  return j[key].is_string() ? j[key].get<std::string>() : j[key].dump();
}

std::string bytes_h(double b) {
  if (b >= 1 << 30) return fmt::format("{:.3g} GiB", b / (1 << 30));
  if (b >= 1 << 20) return fmt::format("{:.3g} MiB", b / (1 << 20));
  if (b >= 1 << 10) return fmt::format("{:.3g} KiB", b / (1 << 10));
  return fmt::format("{:.0f} B", b);
}

void machine_section(const Run& run, Document& doc) {
  doc.heading("Machine");
  Table t;
  t.columns({"what", "value"});
  if (run.machine_json) {
    const json& m = *run.machine_json;
    const json& cpu = m["cpu"];
    t.row({"CPU", str(cpu, "brand") + " (" + str(cpu, "vendor") + ", family " + str(cpu, "family") + ", model " +
                      str(cpu, "model") + ", stepping " + str(cpu, "stepping") + ")"});
    t.row({"microarchitecture", str(cpu, "microarchitecture", "not identified") + " (" +
                                    str(cpu, "microarchitecture_how", "-") + ")"});
    std::string isa;
    if (cpu.contains("features"))
      for (const auto& f : cpu["features"]) isa += (isa.empty() ? "" : " ") + f.get<std::string>();
    t.row({"ISA (used by actbench)", isa});
    if (m.contains("caches")) {
      const json& c = m["caches"];
      t.row({"caches", fmt::format("L1d {}, L2 {}, L3 {}", bytes_h(c.value("l1d_bytes", 0.0)),
                                   bytes_h(c.value("l2_bytes", 0.0)), bytes_h(c.value("l3_bytes", 0.0)))});
    }
    t.row({"logical CPUs", str(m, "logical_cpus")});
    t.row({"virtualised", m.value("virtualised", false) ? "yes (" + str(m, "hypervisor") + ")" : "no"});
    t.row({"kernel", str(m, "kernel")});
    const json& clk = m["clock"];
    t.row({"calibrated core clock", fmt::format("{:.3f} GHz (spread {:.1f}% over {} trials; TSC {:.3f} GHz)",
                                                clk.value("core_hz_calibrated", 0.0) * 1e-9,
                                                100 * clk.value("calibration_spread", 0.0),
                                                clk.value("calibration_trials", 0), clk.value("tsc_hz", 0.0) * 1e-9)});
    if (m.contains("software")) {
      std::string sw;
      for (const auto& [k, v] : m["software"].items()) sw += (sw.empty() ? "" : ", ") + k + " " + (v.is_string() ? v.get<std::string>() : v.dump());
      t.row({"software", sw});
    }
  } else {
    t.row({"machine.json", "absent from this run: only the benchmark context is known"});
  }
  t.row({"cycles source", run.cycles_source()});
  for (const auto& [key, value] : run.bench.context.items()) {
    if (key.rfind("counter:", 0) != 0 || !value.is_string()) continue;
    std::string v = value.get<std::string>();
    if (v.size() > 220) v = v.substr(0, 217) + "...";
    t.row({"counter " + key.substr(8), v});
  }
  doc.table(t);
}

// A kernel's accuracy cell: measured where the run has accuracy.json, declared otherwise.
std::string ulp_cell(const Run& run, const std::string& kernel) {
  bool measured = false;
  const double u = sigmoid_ulp(run, kernel, &measured);
  if (std::isnan(u)) return kernel.rfind("relu", 0) == 0 ? "exact" : "-";
  return fmt_num(u) + (measured ? "" : " (declared)");
}

void kernels_section(const Run& run, Document& doc) {
  doc.heading("Cycles per value, every kernel");
  bool any_counter = false;
  std::set<std::string> counter_names;
  for (const auto& r : run.bench.records)
    for (const auto& [k, _] : r.per_value) counter_names.insert(k), any_counter = true;
  for (const char* op : {"relu", "sigmoid"}) {
    std::vector<std::string> head = {"kernel", "impl", "ISA", "throughput", "CV", "latency", "latency carried in", "max ULP"};
    std::vector<bool> numeric = {false, false, false, true, true, true, false, true};
    for (const auto& c : counter_names) head.push_back(c + "/value"), numeric.push_back(true);
    if (counter_names.count("instructions")) head.push_back("IPC"), numeric.push_back(true);
    Table t;
    t.columns(head, numeric);
    std::vector<const BenchRecord*> rows;
    for (const auto& k : run.kernels())
      if (k.rfind(std::string(op) + "/", 0) == 0) rows.push_back(run.find(k, "throughput"));
    std::sort(rows.begin(), rows.end(), [](auto* a, auto* b) { return a->cycles_per_value < b->cycles_per_value; });
    for (const BenchRecord* r : rows) {
      const auto parts = parse_kernel_name(r->kernel);
      const BenchRecord* lat = run.find(r->kernel, "latency");
      std::vector<std::string> row = {r->kernel,
                                      parts ? to_string(parts->impl) : "?",
                                      parts ? to_string(parts->isa) : "?",
                                      fmt_num(r->cycles_per_value),
                                      fmt::format("{:.1f}%{}{}", 100 * r->cv, r->noisy ? " noisy" : "",
                                                  r->clock_unstable ? ", clock unstable" : ""),
                                      !lat ? "-" : lat->cycles_per_value > 0 ? fmt_num(lat->cycles_per_value) : "n/a (<0)",
                                      lat ? (lat->latency_in_register ? "register" : "memory") : "-",
                                      ulp_cell(run, r->kernel)};
      for (const auto& c : counter_names) row.push_back(r->per_value.count(c) ? fmt_num(r->per_value.at(c)) : "-");
      if (counter_names.count("instructions")) row.push_back(r->ipc ? fmt_num(*r->ipc) : "-");
      t.row(row);
    }
    t.note = fmt::format(
        "{} kernels; L1 (4096 values), uniform inputs in [-8, 8]; median of repetitions, CV across them, noisy above "
        "{}. Latency through memory has the loop's own cost subtracted; n/a (<0): the subtraction went below zero, "
        "so that kernel has no usable memory-path latency. Cycles: {}.{}",
        rows.size(), run.bench.context.value("noisy_cv_threshold", std::string("?")), run.cycles_source(),
        any_counter ? "" : " No hardware counter was available, so there are no instructions/value or IPC columns.");
    doc.text(std::string("**") + op + "**");
    doc.table(t);
  }
}

// The fastest of ours against the fastest peer per op, by the medians and, where the run timed
// them in turns (duel.json), by the paired ratio.
void peers_section(const Run& run, Document& doc) {
  const auto contenders = ours_vs_peers(run.bench);
  if (contenders.empty()) return;
  doc.heading("Ours against the peers");
  Table t;
  t.columns({"op", "ours", "cycles/value", "fastest peer", "cycles/value", "peer / ours (medians)", "peer / ours (in turns)"},
            {false, false, true, false, true, true, true});
  for (const auto& c : contenders)
    for (const auto& [ours, max_ulp] : rows_of(c)) {
      std::string turns = "-";
      if (c.peer && run.duels)
        if (const auto p = paired_speedup(*run.duels, c.op, ours->kernel, c.peer->kernel))
          turns = fmt::format("{:.2f} [{:.2f}, {:.2f}]", p->median, p->low, p->high);
      t.row({max_ulp ? fmt::format("{} <= {} ULP", c.op, max_ulp) : c.op, ours->kernel, fmt_num(ours->cycles_per_value),
             c.peer ? c.peer->kernel : "none measured", c.peer ? fmt_num(c.peer->cycles_per_value) : "-",
             c.peer ? fmt::format("{:.2f}", c.peer->cycles_per_value / ours->cycles_per_value) : "-", turns});
    }
  const std::string absent = run.bench.context.value("actbench_peers_absent", std::string());
  t.note = "L1 (4096 values), uniform inputs, throughput; <= N ULP: the fastest of ours whose declared error is at most N ULP "
           "(the peers' own bounds are in `actbench list`). Above 1, ours is faster. Medians: each benchmark's own median, "
           "measured seconds apart; in turns: the two timed alternately, 20 calls each, median over rounds [10th, 90th "
           "percentile] (duel.json), the figure a noisy machine does not reorder." +
           std::string(run.duels ? "" : " This run has no duel.json.") +
           (absent.empty() ? " Every peer was built." : " Peers absent from this build: " + absent + ".");
  doc.table(t);
}

void working_set_section(const Run& run, Document& doc, PlotSink& plots) {
  doc.heading("Working set: L1 to DRAM");
  Table t;
  t.columns({"kernel", "l1", "l2", "l3", "dram", "dram ÷ l1"}, {false, true, true, true, true, true});
  Plot p{"working_set", "Throughput against working-set size", "working set, input + output (KiB)", "cycles/value",
         true, true, {}};
  std::map<std::string, double> level_bytes;
  for (const auto& k : run.kernels()) {
    std::vector<std::string> row = {k};
    Series s{k, {}, true};
    int levels = 0;
    for (const char* ws : kWorkingSetLevels) {
      const BenchRecord* r = run.find(k, "throughput", "uniform", ws);
      row.push_back(r ? fmt_num(r->cycles_per_value) + (r->noisy ? "*" : "") : "-");
      if (r) {
        ++levels;
        s.xy.push_back({r->bytes / 1024.0, r->cycles_per_value});
        if (k.find("/f32/") != std::string::npos) level_bytes[ws] = r->bytes;
      }
    }
    if (levels < 2) continue;
    const BenchRecord* l1 = run.find(k, "throughput", "uniform", "l1");
    const BenchRecord* dram = run.find(k, "throughput", "uniform", "dram");
    row.push_back(l1 && dram ? fmt_ratio(dram->cycles_per_value / l1->cycles_per_value) : "-");
    t.row(row);
    p.series.push_back(std::move(s));
  }
  std::string sizes;
  for (const char* ws : kWorkingSetLevels)
    if (level_bytes.count(ws)) sizes += (sizes.empty() ? "" : ", ") + std::string(ws) + " " + bytes_h(level_bytes[ws]);
  t.note = "Throughput, cycles/value, uniform inputs; * noisy. Working sets (f32, input + output): " + sizes +
           ". Sized from this machine's caches; a virtual machine may report an L3 it does not have to itself.";
  if (t.rows.empty()) {
    doc.text("This run has no working-set sweep (the quick profile sweeps a subset of kernels; -k may have left it out).");
    return;
  }
  doc.table(t);
  plots.add(doc, p, "Cycles/value against working-set size (log-log), from the table above.");
}

void latency_throughput_section(const Run& run, Document& doc, PlotSink& plots) {
  Plot p{"latency_vs_throughput", "Latency against throughput per kernel (f32, L1)", "throughput, cycles/value",
         "latency, cycles/value", true, true, {}};
  std::map<std::string, Series> by_group;
  for (const auto& k : run.kernels()) {
    const auto parts = parse_kernel_name(k);
    const BenchRecord* t = run.find(k, "throughput");
    const BenchRecord* l = run.find(k, "latency");
    if (!parts || !t || !l || parts->dtype != DType::f32 || l->cycles_per_value <= 0 || t->cycles_per_value <= 0) continue;
    const std::string g = std::string(to_string(parts->op)) + " " + to_string(parts->impl);
    by_group[g].title = g;
    by_group[g].xy.push_back({t->cycles_per_value, l->cycles_per_value});
  }
  for (auto& [_, s] : by_group) p.series.push_back(std::move(s));
  doc.heading("Latency against throughput");
  doc.text("A kernel far above the diagonal hides a long dependency chain behind independent values; the distance "
           "is the parallelism the loop finds. Latency of JIT kernels is carried in a register, of the others "
           "through memory with the loop's cost subtracted (see the kernel tables).");
  plots.add(doc, p, "Latency against throughput, cycles/value, log-log; one point per kernel.");
}

void accuracy_section(const Run& run, Document& doc, PlotSink& plots) {
  doc.heading("Speed against accuracy: sigmoid");
  struct Pt {
    std::string kernel;
    double ulp, cycles;
    std::string impl;
  };
  std::vector<Pt> pts;
  bool any_measured = false;
  for (const auto& k : run.kernels()) {
    const auto parts = parse_kernel_name(k);
    if (!parts || parts->op != Op::sigmoid || parts->dtype != DType::f32 || parts->impl == Impl::ref) continue;
    bool measured = false;
    const double u = sigmoid_ulp(run, k, &measured);
    if (std::isnan(u)) continue;
    any_measured |= measured;
    pts.push_back({k, u, run.find(k, "throughput")->cycles_per_value, to_string(parts->impl)});
  }
  if (pts.empty()) {
    doc.text("No f32 sigmoid kernel with a known error in this run.");
    return;
  }
  // The front: sorted by error, a kernel is on it when nothing at most as wrong is faster.
  std::sort(pts.begin(), pts.end(), [](const Pt& a, const Pt& b) { return a.ulp != b.ulp ? a.ulp < b.ulp : a.cycles < b.cycles; });
  std::vector<Pt> front;
  for (const Pt& q : pts)
    if (front.empty() || q.cycles < front.back().cycles) front.push_back(q);
  constexpr double kFloor = 0.25;  // a log axis has no 0: exact results are drawn at 0.25 ULP
  Plot p{"speed_vs_accuracy", "Sigmoid f32: cycles/value against max error", "max error, ULP (0 drawn at 0.25)",
         "cycles/value (L1 throughput)", true, true, {}};
  std::map<std::string, Series> by_impl;
  for (const Pt& q : pts) {
    by_impl[q.impl].title = q.impl;
    by_impl[q.impl].xy.push_back({std::max(q.ulp, kFloor), q.cycles});
  }
  for (auto& [_, s] : by_impl) p.series.push_back(std::move(s));
  Series fs{"Pareto front", {}, true};
  for (const Pt& q : front) fs.xy.push_back({std::max(q.ulp, kFloor), q.cycles});
  p.series.push_back(fs);
  Table t;
  t.columns({"kernel", "max ULP", "cycles/value", "next slower on the front ÷ this"}, {false, true, true, true});
  for (std::size_t i = 0; i < front.size(); ++i)
    t.row({front[i].kernel, fmt_num(front[i].ulp), fmt_num(front[i].cycles),
           i ? fmt_ratio(front[i - 1].cycles / front[i].cycles) : "-"});
  t.note = fmt::format("{} f32 sigmoid kernels; error {} ({}); the front: no other kernel is both as accurate and "
                       "faster. Throughput, L1, cycles: {}.",
                       pts.size(), any_measured ? "measured against the correctly rounded sigmoid" : "as declared",
                       run.accuracy ? run.accuracy->inputs : "no accuracy.json in this run", run.cycles_source());
  doc.text("The Pareto front of the sigmoid variants:");
  doc.table(t);
  plots.add(doc, p, "Sigmoid f32 variants, cycles/value against max ULP error, log-log; the line is the Pareto front.");
}

void calibration_section(const Run& run, Document& doc) {
  if (run.bench.calibration.empty()) return;
  doc.heading("Known-answer calibration");
  Table t;
  t.columns({"benchmark", "cycles/instruction", "CV", "expected", "deviation", "note"}, {false, true, true, true, true, false});
  for (const auto& c : run.bench.calibration) {
    if (c.skipped) {
      t.row({c.name, "-", "-", "-", "-", "skipped: " + c.skip_reason});
      continue;
    }
    t.row({c.name, fmt_num(c.cycles_per_instruction), fmt::format("{:.1f}%", 100 * c.cv),
           c.expected ? fmt_num(*c.expected) : "-",
           c.expected ? fmt::format("{:+.1f}%", 100 * (c.cycles_per_instruction / *c.expected - 1)) : "-",
           run.bench.context.value("note:" + c.name, std::string())});
  }
  t.note = "Dependent chains (lat) and independent ones (tput) of one instruction, JIT-generated; expected values "
           "are Intel Skylake to Ice Lake figures. A calibration far off means the cycle figures above are off too.";
  doc.table(t);
}

void instructions_section(const Run& run, Document& doc) {
  if (!run.instructions) return;
  const InstructionsFile& f = *run.instructions;
  doc.heading("Instructions: measured beside published");
  // Sapphire Rapids rows are few; its core is Golden Cove, whose latencies are the same.
  const std::string primary = f.published_column, fallback = primary == "SPR" ? "GLC" : "";
  std::set<std::string> columns;
  for (const auto& r : f.records)
    for (const auto& [c, _] : r.published) columns.insert(c);
  std::vector<std::string> head = {"instruction", "width", "kind", "measured", "CV", "published", "from", "difference"};
  std::vector<bool> numeric = {false, false, false, true, true, true, false, true};
  for (const auto& c : columns) head.push_back(c), numeric.push_back(true);
  Table t;
  t.columns(head, numeric);
  std::size_t compared = 0, flagged = 0;
  std::string flagged_list;
  for (const auto& r : f.records) {
    std::string col = r.published.count(primary) ? primary : (!fallback.empty() && r.published.count(fallback) ? fallback : "");
    std::vector<std::string> row = {r.instruction, r.width, r.kind, fmt_num(r.cycles), fmt::format("{:.1f}%", 100 * r.cv)};
    if (col.empty()) {
      row.insert(row.end(), {"-", "-", "-"});
    } else {
      const double p = r.published.at(col), d = r.cycles / p - 1;
      ++compared;
      const bool flag = std::fabs(d) > 0.10;
      if (flag) ++flagged, flagged_list += (flagged_list.empty() ? "`" : ", `") + r.name + "`";
      row.insert(row.end(), {fmt_num(p), col, fmt::format("{:+.1f}%{}", 100 * d, flag ? " !" : "")});
    }
    for (const auto& c : columns) row.push_back(r.published.count(c) ? fmt_num(r.published.at(c)) : "-");
    t.row(row);
  }
  t.note = fmt::format(
      "Cycles per instruction ({}): lat = a dependent chain through the destination, tput = reciprocal throughput "
      "over independent registers. published: the column of this microarchitecture ({}){}; ! marks a difference over "
      "10%. Sources: {}",
      f.cycles_source, f.microarchitecture,
      fallback.empty() ? "" : ", else " + fallback + " (the same core; its zmm throughputs are a one-FMA-unit client's)",
      f.published_source);
  doc.text(fmt::format("{} forms measured, {} with a published figure to compare, {} differ by more than 10%{}{}",
                       f.records.size(), compared, flagged, flagged ? ": " : ".", flagged ? flagged_list + "." : ""));
  doc.table(t);
  std::string notes;
  std::set<std::string> seen;
  for (const auto& r : f.records)
    if (!r.note.empty() && seen.insert(r.instruction).second) notes += " `" + r.instruction + "`: " + r.note + ".";
  if (!notes.empty()) doc.text("How some chains are closed:" + notes);
  if (!f.skipped.empty()) {
    std::string s;
    for (const auto& [n, why] : f.skipped) s += (s.empty() ? "" : "; ") + n + " (" + why + ")";
    doc.text("Not measured here: " + s + ".");
  }
}

// "vfmadd213ps zmm12, zmm11, zmm27" -> ("vfmadd213ps", "zmm"); memory operands count as their
// register width, scalar instructions as r64.
std::pair<std::string, std::string> mnemonic_width(const std::string& line) {
  std::string m = line.substr(0, line.find(' '));
  // Forms the study measures under one name: the same unit and timing on every core it covers.
  static const std::map<std::string, std::string> same = {
      {"vfmadd213ps", "vfmadd231ps"}, {"vfmadd132ps", "vfmadd231ps"}, {"vfnmadd231ps", "vfmadd231ps"},
      {"vfnmadd213ps", "vfmadd231ps"}, {"vfmsub231ps", "vfmadd231ps"}, {"vfnmsub231ps", "vfmadd231ps"},
      {"vminps", "vmaxps"}, {"vsubps", "vaddps"}, {"vpxord", "vpandnd"}, {"vpandd", "vpandnd"}, {"vpord", "vpandnd"},
      {"vxorps", "vandps"}, {"vorps", "vandps"}, {"vpslld", "vpsrad"}, {"vpsrld", "vpsrad"}, {"vcvtdq2ps", "vcvtps2dq"},
      {"vpminsd", "vpmaxsd"}};
  if (line.find("xmm") != std::string::npos && !m.empty() && m[0] != 'v') m = "v" + m;  // SSE forms
  if (auto it = same.find(m); it != same.end()) m = it->second;
  for (const char* w : {"zmm", "ymm", "xmm"})
    if (line.find(w) != std::string::npos) return {m, w};
  return {m, "r64"};
}

// The instructions of a loop that cost the most issue slots on their ports, by this run's measured
// reciprocal throughputs: count x tput per value, the three heaviest.
std::string heaviest(const Run& run, const PredictionRecord& r) {
  if (!run.instructions || r.loop.empty()) return "-";
  std::map<std::pair<std::string, std::string>, double> tput;
  for (const auto& i : run.instructions->records)
    if (i.kind == "tput") tput[{i.instruction, i.width}] = i.cycles;
  std::map<std::pair<std::string, std::string>, int> count;
  for (const auto& l : r.loop) ++count[mnemonic_width(l)];
  std::vector<std::pair<double, std::string>> cost;
  for (const auto& [mw, n] : count) {
    auto it = tput.find(mw);
    if (it == tput.end()) continue;
    cost.push_back({n * it->second / r.values_per_iteration, fmt::format("{} {} x{}", mw.first, mw.second, n)});
  }
  std::sort(cost.rbegin(), cost.rend());
  std::string out;
  for (std::size_t i = 0; i < cost.size() && i < 3; ++i) out += (i ? "; " : "") + cost[i].second + " " + fmt_num(cost[i].first);
  return out.empty() ? "-" : out;
}

void predictions_section(const Run& run, Document& doc) {
  if (!run.predictions) return;
  const PredictionsFile& f = *run.predictions;
  doc.heading("Why: instructions, bottlenecks, and predictions (llvm-mca) against measured");
  std::set<std::string> targets;
  for (const auto& r : f.records)
    for (const auto& [t, _] : r.by_target) targets.insert(t);
  const std::string here = f.this_cpu_mcpu;
  std::vector<std::string> head = {"kernel", "instructions/value", "measured", "predicted here (" + here + ")", "error",
                                   "bottleneck (llvm-mca)", "heaviest instructions (cycles/value)"};
  std::vector<bool> numeric = {false, true, true, true, true, false, false};
  for (const auto& t : targets)
    if (t != here) head.push_back(t), numeric.push_back(true);
  Table t;
  t.columns(head, numeric);
  std::vector<double> errors;
  for (const auto& r : f.records) {
    const BenchRecord* m = run.find(r.kernel, "throughput");
    auto it = r.by_target.find(here);
    const bool have = it != r.by_target.end() && it->second.error.empty();
    const double err = m && have ? it->second.cycles_per_value / m->cycles_per_value - 1 : std::nan("");
    if (!std::isnan(err)) errors.push_back(std::fabs(err));
    std::vector<std::string> row = {r.kernel,
                                    fmt_num(static_cast<double>(r.instructions_per_iteration) / r.values_per_iteration),
                                    m ? fmt_num(m->cycles_per_value) : "-", have ? fmt_num(it->second.cycles_per_value) : "-",
                                    std::isnan(err) ? "-" : fmt::format("{:+.0f}%", 100 * err),
                                    have ? it->second.bottleneck : (it != r.by_target.end() ? "error" : "-"),
                                    heaviest(run, r)};
    for (const auto& tg : targets) {
      if (tg == here) continue;
      auto p = r.by_target.find(tg);
      row.push_back(p == r.by_target.end() || !p->second.error.empty() ? "-" : fmt_num(p->second.cycles_per_value));
    }
    t.row(row);
  }
  std::sort(errors.begin(), errors.end());
  const double median = errors.empty() ? std::nan("") : errors[errors.size() / 2];
  doc.text(fmt::format(
      "{} kernels through {}. For this CPU (`-mcpu={}`) the median |predicted ÷ measured - 1| is {}; every column "
      "other than the measured one is a prediction, not a measurement.",
      f.records.size(), f.llvm_mca, here.empty() ? "none identified" : here,
      std::isnan(median) ? "not available" : fmt::format("{:.0f}%", 100 * median)));
  t.note = "cycles/value; measured: L1 throughput of this run (" + run.cycles_source() +
           "); predicted: llvm-mca's cycles per loop iteration ÷ values per iteration. instructions/value: the main "
           "loop's instructions ÷ its values. heaviest instructions: per instruction of the loop, its count x this "
           "run's measured reciprocal throughput (instructions.json; FMA variants as vfmadd231ps, min as max, "
           "logic as and) ÷ values per iteration, the three largest: "
           "why the kernel costs what it costs, where a port is the limit.";
  doc.table(t);
}

void skipped_section(const Run& run, Document& doc) {
  std::set<std::string> skipped;
  std::string reason;
  for (const auto& r : run.bench.records)
    if (r.skipped) skipped.insert(r.kernel), reason = r.skip_reason;
  if (skipped.empty()) return;
  doc.heading("Not run on this machine");
  std::string list;
  for (const auto& k : skipped) list += (list.empty() ? "`" : ", `") + k + "`";
  doc.text(fmt::format("{} kernels were skipped (for example: {}): {}.", skipped.size(), reason, list));
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string csv_row(const std::vector<std::string>& fields) {
  std::string line;
  for (const auto& x : fields) line += (line.empty() ? "" : ",") + csv_field(x);
  return line + "\n";
}

std::string num_or_empty(double v) { return std::isnan(v) ? "" : fmt::format("{:.6g}", v); }

}  // namespace

void write_text(const fs::path& file, const std::string& text) {
  std::ofstream out(file);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + file.string());
}

Document build_report(const Run& run, const fs::path& plots_dir, std::string* plots_note) {
  Document doc("actbench report: " + run.label);
  std::size_t noisy = 0, skipped = 0;
  for (const auto& r : run.bench.records) noisy += r.noisy, skipped += r.skipped;
  doc.text(fmt::format(
      "Run `{}`, made {} with profile `{}` in {} s: {} benchmarks, {} flagged noisy, {} skipped. Every cycle figure "
      "here comes from: **{}**. Figures in full: `figures.csv`.",
      run.dir.string(), run.bench.context.value("date", std::string("?")),
      run.bench.context.value("actbench_profile", std::string("?")),
      run.bench.context.value("actbench_seconds", std::string("?")), run.bench.records.size(), noisy, skipped,
      run.cycles_source()));
  machine_section(run, doc);
  doc.heading("The lesson's claims, measured");
  doc.text("The seed lesson says ReLU costs \"one tick\" and sigmoid \"several iterations\". This run's numbers:");
  for (const Claim& c : all_claims(run)) {
    doc.text("**" + c.title + ".** " + (c.finding.empty() ? "Not answered by this run: " + c.missing + "." : c.finding));
    if (!c.table.rows.empty()) doc.table(c.table);
  }
  PlotSink plots(plots_dir);
  kernels_section(run, doc);
  peers_section(run, doc);
  working_set_section(run, doc, plots);
  latency_throughput_section(run, doc, plots);
  accuracy_section(run, doc, plots);
  instructions_section(run, doc);
  predictions_section(run, doc);
  calibration_section(run, doc);
  skipped_section(run, doc);
  if (plots_note) *plots_note = plots.note();
  return doc;
}

std::string figures_csv(const Run& run) {
  std::string out =
      "kind,name,kernel,op,dtype,impl,isa,method,mode,dist,working_set,n,bytes,out_offset,cycles,cycles_min,cv,noisy,"
      "cycles_source,core_ghz,latency_carried_in,declared_max_ulp,measured_max_ulp,measured_max_abs,counters\n";
  for (const auto& r : run.bench.records) {
    const auto parts = parse_kernel_name(r.kernel);
    const AccuracyRecord* a = run.accuracy_of(r.kernel);
    std::string counters;
    for (const auto& [k, v] : r.per_value) counters += (counters.empty() ? "" : ";") + k + "_per_value=" + fmt::format("{:.6g}", v);
    if (r.ipc) counters += (counters.empty() ? "" : ";") + fmt::format("ipc={:.4g}", *r.ipc);
    const std::vector<std::string> f = {
        r.skipped ? "skipped" : "bench", r.name, r.kernel,
        parts ? to_string(parts->op) : "", parts ? to_string(parts->dtype) : "", parts ? to_string(parts->impl) : "",
        parts ? to_string(parts->isa) : "", parts ? parts->method : "", r.mode, r.dist, r.working_set,
        std::to_string(r.n), r.skipped ? "" : fmt::format("{:.0f}", r.bytes),
        r.out_offset ? std::to_string(*r.out_offset) : "",
        r.skipped ? "" : num_or_empty(r.cycles_per_value), r.skipped ? "" : num_or_empty(r.cycles_per_value_min),
        r.skipped ? "" : num_or_empty(r.cv), r.skipped ? "" : (r.noisy ? "1" : "0"),
        r.skipped ? r.skip_reason : r.cycles_source, r.skipped ? "" : num_or_empty(r.core_ghz),
        r.mode == "latency" && !r.skipped ? (r.latency_in_register ? "register" : "memory") : "",
        r.declared_max_ulp ? num_or_empty(*r.declared_max_ulp) : "", a ? num_or_empty(a->max_ulp) : "",
        a ? num_or_empty(a->max_abs) : "", counters};
    out += csv_row(f);
  }
  for (const auto& c : run.bench.calibration) {
    std::vector<std::string> f(25);
    f[0] = "calib", f[1] = c.name;
    if (c.skipped) {
      f[18] = c.skip_reason;
    } else {
      f[14] = num_or_empty(c.cycles_per_instruction), f[16] = num_or_empty(c.cv), f[18] = run.cycles_source();
      if (c.expected) f[24] = "expected_cycles=" + num_or_empty(*c.expected);
    }
    out += csv_row(f);
  }
  return out;
}

ReportResult write_report(const fs::path& run_dir, const ReportOptions& opt) {
  const Run run = load_run(run_dir);
  ReportResult res;
  const Document doc = build_report(run, opt.plots ? run_dir / "plots" : fs::path(), &res.plots_note);
  for (const auto& [name, text] : {std::pair<std::string, std::string>{"report.md", doc.markdown()},
                                   {"report.html", doc.html()},
                                   {"figures.csv", figures_csv(run)}}) {
    write_text(run_dir / name, text);
    res.files.push_back(run_dir / name);
  }
  if (fs::is_directory(run_dir / "plots"))
    for (const auto& e : fs::directory_iterator(run_dir / "plots")) res.files.push_back(e.path());
  return res;
}

}  // namespace actbench::analysis
