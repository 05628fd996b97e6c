#include "analysis/claims.hpp"

#include <fmt/core.h>

#include <cmath>
#include <limits>
#include <regex>

namespace actbench::analysis {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double cyc(const BenchRecord* r) { return r ? r->cycles_per_value : kNaN; }

// Every kernel's L1 uniform record of a mode, with its parsed name; refs left out.
struct Entry {
  const BenchRecord* rec;
  KernelName name;
};
std::vector<Entry> entries(const Run& run, const std::string& mode) {
  std::vector<Entry> out;
  for (const auto& k : run.kernels()) {
    const auto parts = parse_kernel_name(k);
    const BenchRecord* r = run.find(k, mode);
    // A figure whose calibrated clock was unstable is no evidence for or against a claim.
    if (parts && r && parts->impl != Impl::ref && !r->clock_unstable) out.push_back({r, *parts});
  }
  return out;
}

// The method without its unroll suffix: "maxps-u4" -> "maxps".
std::string family(const std::string& method) { return std::regex_replace(method, std::regex("-u[0-9]+$"), ""); }

std::string noise(const BenchRecord* r) {
  return r ? fmt::format("{:.1f}%{}{}", 100 * r->cv, r->noisy ? " noisy" : "", r->clock_unstable ? ", clock unstable" : "") : "-";
}

}  // namespace

double sigmoid_ulp(const Run& run, const std::string& kernel, bool* measured) {
  if (measured) *measured = false;
  if (const AccuracyRecord* a = run.accuracy_of(kernel)) {
    if (measured) *measured = true;
    return a->max_ulp;
  }
  const BenchRecord* r = run.find(kernel, "throughput");
  return r && r->declared_max_ulp ? *r->declared_max_ulp : kNaN;
}

Claim sigmoid_over_relu(const Run& run) {
  Claim c;
  c.title = "Sigmoid ÷ ReLU: \"one tick\" against \"several iterations\"";
  c.table.columns({"level (impl/ISA)", "fastest ReLU", "cycles/value", "fastest sigmoid", "cycles/value", "max ULP",
                   "sigmoid ÷ ReLU", "latency ratio"},
                  {false, false, true, false, true, true, true, true});
  struct Best {
    const BenchRecord* relu = nullptr;
    const BenchRecord* sigmoid = nullptr;
  };
  std::map<std::string, Best> levels;  // ordered by impl then ISA name
  Best all, all2;
  auto better = [](const BenchRecord* cur, const BenchRecord* r) { return !cur || r->cycles_per_value < cur->cycles_per_value; };
  for (const Entry& e : entries(run, "throughput")) {
    if (e.name.dtype != DType::f32) continue;
    const std::string level = std::string(to_string(e.name.impl)) + "/" + to_string(e.name.isa);
    Best& b = levels[level];
    if (e.name.op == Op::relu) {
      if (better(b.relu, e.rec)) b.relu = e.rec;
      if (better(all.relu, e.rec)) all.relu = all2.relu = e.rec;
    } else {
      if (better(b.sigmoid, e.rec)) b.sigmoid = e.rec;
      if (better(all.sigmoid, e.rec)) all.sigmoid = e.rec;
      if (sigmoid_ulp(run, e.rec->kernel) <= 2 && better(all2.sigmoid, e.rec)) all2.sigmoid = e.rec;
    }
  }
  auto add = [&](const std::string& label, const std::string& key, const Best& b) {
    if (!b.relu || !b.sigmoid) return;
    const double ratio = b.sigmoid->cycles_per_value / b.relu->cycles_per_value;
    const BenchRecord* rl = run.find(b.relu->kernel, "latency");
    const BenchRecord* sl = run.find(b.sigmoid->kernel, "latency");
    c.figures["tput:" + key] = ratio;
    c.table.row({label, b.relu->kernel, fmt_num(b.relu->cycles_per_value), b.sigmoid->kernel,
                 fmt_num(b.sigmoid->cycles_per_value), fmt_num(sigmoid_ulp(run, b.sigmoid->kernel)), fmt_ratio(ratio),
                 rl && sl && rl->cycles_per_value > 0 && sl->cycles_per_value > 0
                     ? fmt_ratio(sl->cycles_per_value / rl->cycles_per_value)
                     : "-"});
  };
  for (const auto& [level, b] : levels) add(level, level, b);
  add("all, any accuracy", "all", all);
  add("all, sigmoid <= 2 ULP", "all<=2ulp", all2);
  c.table.note = "f32, L1 (4096 values), uniform inputs in [-8, 8], throughput; latency ratio: the same two kernels "
                 "in latency mode. max ULP: measured (accuracy.json) where the run has it, else declared. Cycles: " +
                 run.cycles_source() + ".";
  if (!all.relu || !all.sigmoid) {
    c.missing = "the run needs at least one f32 ReLU and one f32 sigmoid kernel";
    return c;
  }
  c.finding = fmt::format(
      "Fastest ReLU {:.3g} cycles/value (`{}`), fastest sigmoid {:.3g} (`{}`, {} ULP): sigmoid costs {:.1f}x ReLU.",
      all.relu->cycles_per_value, all.relu->kernel, all.sigmoid->cycles_per_value, all.sigmoid->kernel,
      fmt_num(sigmoid_ulp(run, all.sigmoid->kernel)), c.figures["tput:all"]);
  if (all2.sigmoid)
    c.finding += fmt::format(" Within 2 ULP: {:.3g} (`{}`), {:.1f}x.", all2.sigmoid->cycles_per_value,
                             all2.sigmoid->kernel, c.figures["tput:all<=2ulp"]);
  if (levels.count("cpp/scalar") && c.figures.count("tput:cpp/scalar"))
    c.finding += fmt::format(" Written plainly (C++ scalar, libm): {:.1f}x.", c.figures["tput:cpp/scalar"]);
  return c;
}

Claim one_tick(const Run& run) {
  Claim c;
  c.title = "\"One tick\": latency of a ReLU, sign-bit AND against maxps";
  c.table.columns({"method", "ISA", "kernel", "latency cycles/value", "carried in", "CV", "throughput cycles/value"},
                  {false, false, false, true, false, false, true});
  std::map<std::pair<std::string, std::string>, const BenchRecord*> best;  // (family, isa)
  for (const Entry& e : entries(run, "latency")) {
    if (e.name.op != Op::relu || e.name.dtype != DType::f32) continue;
    const BenchRecord*& slot = best[{family(e.name.method), to_string(e.name.isa)}];
    // A register-carried figure is the one that means "latency"; through memory only if no other.
    auto rank = [](const BenchRecord* r) { return std::make_pair(!r->latency_in_register, r->cycles_per_value); };
    if (!slot || rank(e.rec) < rank(slot)) slot = e.rec;
  }
  const BenchRecord *andn = nullptr, *maxps = nullptr, *signbit = nullptr;
  auto keep_min = [](const BenchRecord*& slot, const BenchRecord* r) {
    if (!slot || r->cycles_per_value < slot->cycles_per_value) slot = r;
  };
  for (const auto& [key, r] : best) {
    c.table.row({key.first, key.second, r->kernel, fmt_num(r->cycles_per_value),
                 r->latency_in_register ? "register" : "memory (loop overhead subtracted)", noise(r),
                 fmt_num(cyc(run.find(r->kernel, "throughput")))});
    if (!r->latency_in_register) continue;
    if (key.first.find("sar-andn") != std::string::npos || key.first.find("psrad-andn") != std::string::npos) keep_min(andn, r);
    if (key.first.rfind("signbit", 0) == 0) keep_min(signbit, r);
    if (key.first.rfind("maxps", 0) == 0) keep_min(maxps, r);
  }
  c.table.note = "f32, L1, uniform inputs, latency mode: each value depends on the previous result. Best kernel per "
                 "method and ISA. Through memory, the figure includes a store-to-load round trip the subtraction "
                 "only estimates; register-carried figures are the latency. Cycles: " + run.cycles_source() + ".";
  if (!andn || !maxps || !signbit) {
    c.missing = "needs register-carried latency figures of sign-bit ReLUs and a maxps ReLU (JIT kernels)";
    return c;
  }
  c.figures["signbit"] = signbit->cycles_per_value;
  c.figures["andn"] = andn->cycles_per_value;
  c.figures["maxps"] = maxps->cycles_per_value;
  c.finding = fmt::format(
      "In a dependency chain, the fastest sign-bit ReLU (`{}`) costs {:.2f} cycles per value: one tick. The AND form "
      "(`{}`, a shift then an and-not) costs {:.2f}, one tick per instruction. maxps (`{}`) costs {:.2f}, {:.1f}x "
      "the fastest sign-bit form. In throughput every one of them is well under one cycle per value.",
      signbit->kernel, signbit->cycles_per_value, andn->kernel, andn->cycles_per_value, maxps->kernel,
      maxps->cycles_per_value, maxps->cycles_per_value / signbit->cycles_per_value);
  return c;
}

Claim branch_prediction(const Run& run) {
  Claim c;
  c.title = "A branch on the sign: predictable against random signs";
  const std::vector<std::string> dists = {"positive", "negative", "alternating", "random-sign", "uniform"};
  std::vector<std::string> head = {"kernel", "branch?"};
  for (const auto& d : dists) head.push_back(d);
  head.push_back("random-sign ÷ positive");
  std::vector<bool> numeric(head.size(), true);
  numeric[0] = numeric[1] = false;
  c.table.columns(head, numeric);
  std::string best_branch;
  double best_ratio = 0;
  for (const Entry& e : entries(run, "throughput")) {
    if (e.name.op != Op::relu || e.name.isa != Isa::scalar) continue;
    const bool branch = e.name.method.find("test-js") != std::string::npos || e.name.method.find("branch") != std::string::npos;
    const BenchRecord* pos = run.find(e.rec->kernel, "throughput", "positive");
    const BenchRecord* rnd = run.find(e.rec->kernel, "throughput", "random-sign");
    if (!pos || !rnd) continue;
    std::vector<std::string> row = {e.rec->kernel, branch ? "branch" : "branchless"};
    for (const auto& d : dists) row.push_back(fmt_num(cyc(run.find(e.rec->kernel, "throughput", d))));
    const double ratio = rnd->cycles_per_value / pos->cycles_per_value;
    row.push_back(fmt_ratio(ratio));
    c.table.row(row);
    c.figures[e.rec->kernel + ":random/positive"] = ratio;
    if (branch && ratio > best_ratio) best_ratio = ratio, best_branch = e.rec->kernel;
  }
  c.table.note = "Scalar ReLU, L1, throughput, cycles/value per input distribution. The C++ `signbit-branch` is "
                 "usually if-converted by the compiler; the JIT and asm `test-js` kernels keep a real branch. Cycles: " +
                 run.cycles_source() + ".";
  if (best_branch.empty()) {
    c.missing = "needs scalar sign-branch kernels measured under the positive and random-sign distributions";
    return c;
  }
  const BenchRecord* pos = run.find(best_branch, "throughput", "positive");
  const BenchRecord* rnd = run.find(best_branch, "throughput", "random-sign");
  c.finding = fmt::format(
      "`{}`: {:.2f} cycles/value when every sign is positive, {:.2f} when signs are random ({:.1f}x): about {:.1f} "
      "cycles per value of misprediction, where half the branches go wrong.",
      best_branch, pos->cycles_per_value, rnd->cycles_per_value, best_ratio,
      rnd->cycles_per_value - pos->cycles_per_value);
  return c;
}

Claim f64_over_f32(const Run& run) {
  Claim c;
  c.title = "f64 against f32";
  c.table.columns({"f64 kernel", "cycles/value", "f32 counterpart", "cycles/value", "f64 ÷ f32", "latency f64 ÷ f32"},
                  {false, true, false, true, true, true});
  double worst = 0;
  std::string worst_kernel;
  for (const Entry& e : entries(run, "throughput")) {
    if (e.name.dtype != DType::f64) continue;
    KernelName f32 = e.name;
    f32.dtype = DType::f32;
    f32.method = std::regex_replace(f32.method, std::regex("pd(-|$)"), "ps$1");
    const BenchRecord* other = run.find(f32.str(), "throughput");
    if (!other) continue;
    const double ratio = e.rec->cycles_per_value / other->cycles_per_value;
    const BenchRecord* l64 = run.find(e.rec->kernel, "latency");
    const BenchRecord* l32 = run.find(other->kernel, "latency");
    c.table.row({e.rec->kernel, fmt_num(e.rec->cycles_per_value), other->kernel, fmt_num(other->cycles_per_value),
                 fmt_ratio(ratio), l64 && l32 && l64->cycles_per_value > 0 && l32->cycles_per_value > 0 ? fmt_ratio(l64->cycles_per_value / l32->cycles_per_value) : "-"});
    c.figures[e.rec->kernel] = ratio;
    if (ratio > worst) worst = ratio, worst_kernel = e.rec->kernel;
  }
  c.table.note = "L1, uniform inputs, throughput. A vector of f64 holds half the values of one of f32, so 2x is what "
                 "width alone costs; a libm call costs what its algorithm costs. Cycles: " + run.cycles_source() + ".";
  if (c.figures.empty()) {
    c.missing = "needs an f64 kernel and its f32 counterpart";
    return c;
  }
  std::string list;
  for (const auto& [k, v] : c.figures) list += (list.empty() ? "" : "; ") + fmt::format("`{}` {:.2f}x", k, v);
  c.finding = "f64 ÷ f32 per value: " + list + ".";
  return c;
}

std::vector<Claim> all_claims(const Run& run) {
  return {sigmoid_over_relu(run), one_tick(run), branch_prediction(run), f64_over_f32(run)};
}

}  // namespace actbench::analysis
