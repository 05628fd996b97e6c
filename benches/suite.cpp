#include "benches/suite.hpp"

#include "analysis/result_schema.hpp"

#include <benchmark/benchmark.h>
#include <fnmatch.h>
#include <sched.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <memory>
#include <stdexcept>

#include "benches/buffers.hpp"
#include "benches/calibration.hpp"
#include "benches/inputs.hpp"
#include "benches/modes.hpp"
#include "benches/stats.hpp"
#include "benches/working_sets.hpp"
#include "counters/region.hpp"
#include "jit/instruction_loops.hpp"
#include "jit/main_loop.hpp"

namespace actbench::bench {

// smoke: L1 throughput and latency only, short: a check that a machine runs the suite (fleet tests).
const char* const kProfiles[] = {"smoke", "quick", "full"};

bool valid_profile(const std::string& p) {
  return std::find(std::begin(kProfiles), std::end(kProfiles), p) != std::end(kProfiles);
}

double profile_min_time(const std::string& p) { return p == "smoke" ? 0.01 : p == "quick" ? 0.05 : 0.3; }

std::string counter_slug(const std::string& name) {
  std::string out;
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else if (!out.empty() && out.back() != '_')
      out += '_';
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

namespace {

// The counters of this run: made once, on the benchmark thread, before anything is timed.
struct ActiveCounters {
  std::unique_ptr<counters::PapiCounterSet> set;
  int cycles = -1;  // index of an available cycles counter in set->info(), -1: calibrated clock
  std::string cycles_label = "cycles:tsc-calibrated";
};
ActiveCounters g_counters;

// The quick profile sweeps working sets and input distributions only for these (the fastest
// of each family and the libm baseline); full sweeps everything.
// The real branches (test/js) are here for the report's branch-prediction claim: GCC if-converts
// the C++ signbit-branch.
const char* const kSweepSubset[] = {"relu/f32/*/avx512f/maxps*",          "relu/f32/*/avx2/maxps*",
                                    "relu/f32/cpp/scalar/signbit-branch", "relu/f32/cpp/scalar/signbit-mask",
                                    "relu/f32/*/scalar/signbit-test-js*", "relu/f64/cpp/scalar/signbit-branch",
                                    "sigmoid/f32/cpp/scalar/libm",        "sigmoid/f32/peer/*/xnnpack",
                                    "sigmoid/f32/asm/avx512f/*",          "sigmoid/f32/asm/avx2/*-u2"};

bool in_sweep_subset(const Kernel& k) {
  for (const char* g : kSweepSubset)
    if (fnmatch(g, k.name().c_str(), 0) == 0) return true;
  return false;
}

struct BenchSpec {
  const Kernel* kernel;
  Mode mode;
  std::size_t n;
  Dist dist;
  std::size_t out_offset;
  int working_set_level = 1;  // 1 = L1 .. 4 = DRAM, as WorkingSet::level (result schema 2)
};

// The throughput function, and the register-carried latency loop with its baseline (JIT kernels).
template <class Fn>
struct Typed {
  Fn fn = nullptr, latency = nullptr, latency_base = nullptr;
  explicit Typed(const KernelFn& f) {
    if constexpr (std::is_same_v<Fn, KernelF32>) {
      fn = f.f32, latency = f.latency_f32, latency_base = f.latency_base_f32;
    } else {
      fn = f.f64, latency = f.latency_f64, latency_base = f.latency_base_f64;
    }
  }
};

// Runs `work` until at least `ms` milliseconds have passed, so caches, the branch predictor and
// (for wide vectors) the core's power license are in their steady state before timing starts.
template <class Work>
void warm_up(Work work, double ms) {
  const auto t0 = std::chrono::steady_clock::now();
  int calls = 0;
  while (calls < 2 || std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() < ms) {
    work(1);
    ++calls;
  }
}

// Calls per timed region so that one region lasts about 100 us (a DRAM-sized call is long enough
// on its own): a timer read or a stray interrupt is then small against it.
template <class Work>
std::uint64_t calls_per_region(Work work) {
  const std::uint64_t t0 = counters::tsc_begin();
  work(1);
  const double ticks = static_cast<double>(counters::tsc_end() - t0);
  return std::max<std::uint64_t>(1, static_cast<std::uint64_t>(2.5e5 / std::max(1.0, ticks)));
}

// Per-sample figures of one benchmark, per value.
struct Samples {
  std::vector<double> cycles, clocks, overhead;
  std::vector<std::vector<double>> events;  // per counter of g_counters.set; empty when unavailable

  // Adds one sample: `r` for the kernel, `base` (latency mode) for the loop without it.
  void add(const counters::RegionSample& r, const counters::RegionSample* base, double values) {
    auto cyc = [](const counters::RegionSample& x) {
      return g_counters.cycles >= 0 && x.events[g_counters.cycles] ? *x.events[g_counters.cycles] : x.cycles;
    };
    cycles.push_back((cyc(r) - (base ? cyc(*base) : 0.0)) / values);
    if (base) overhead.push_back(cyc(*base) / values);
    clocks.push_back(r.cycles_per_tick);
    events.resize(r.events.size());
    for (std::size_t i = 0; i < r.events.size(); ++i)
      if (r.events[i] && (!base || base->events[i]))
        events[i].push_back((*r.events[i] - (base ? *base->events[i] : 0.0)) / values);
  }
};

// A benchmark's clock (median over its samples) more than this far from the reference: the
// calibrations it used were disturbed (a neighbour took the core for them and not as much for the
// region), so cycles = ticks x clock are not to be trusted. Turbo bins move the clock by about 5 %.
constexpr double kClockOffReference = 0.15;

// The clock a ClockLoad reads when nothing disturbs it: a 15-trial calibration (the median),
// taken once per process and load.
double reference_cycles_per_tick(counters::ClockLoad load) {
  static std::map<counters::ClockLoad, double> refs;
  if (auto it = refs.find(load); it != refs.end()) return it->second;
  return refs[load] = counters::calibrate_core_clock(15, 200, load).cycles_per_tick;
}

void report(benchmark::State& st, const BenchSpec& spec, const SuiteOptions& opt, const Samples& smp,
            std::uint64_t reps, std::size_t elem, double reference_clock) {
  const SampleStats s = summarize_repetitions(smp.cycles), c = summarize(smp.clocks);
  st.counters["cycles_per_value"] = s.median;
  st.counters["cycles_per_value_min"] = s.min;
  st.counters["cycles_per_value_cv"] = s.cv;
  st.counters["samples"] = static_cast<double>(s.count);
  st.counters["repetitions"] = static_cast<double>(std::min<std::size_t>(5, s.count));
  st.counters["noisy"] = s.cv > opt.noisy_cv ? 1.0 : 0.0;
  st.counters["core_ghz"] = c.median * counters::tsc_hz() * 1e-9;
  st.counters["core_clock_cv"] = c.cv;
  // Readers keep a figure with an unstable clock out of "fastest" picks (analysis/contenders,
  // claims) and mark it.
  st.counters["clock_vs_reference"] = c.median / reference_clock;
  st.counters["clock_unstable"] = std::fabs(c.median / reference_clock - 1) > kClockOffReference ? 1.0 : 0.0;
  st.counters["calls_per_sample"] = static_cast<double>(reps);
  st.counters["values"] = static_cast<double>(spec.n);
  st.counters["bytes"] = static_cast<double>((spec.mode == Mode::throughput ? 2 : 1) * spec.n * elem);
  st.counters["out_offset"] = static_cast<double>(spec.out_offset);
  st.counters["working_set_level"] = spec.working_set_level;
  st.SetItemsProcessed(static_cast<std::int64_t>(st.iterations() * 3 * reps * spec.n));
  if (!smp.overhead.empty()) st.counters["latency_overhead_cycles"] = summarize(smp.overhead).median;
  const Accuracy& acc = spec.kernel->accuracy();
  if (!acc.exact && !std::isinf(acc.max_ulp)) st.counters["declared_max_ulp"] = acc.max_ulp;
  if (g_counters.set) {
    const auto& info = g_counters.set->info();
    for (std::size_t i = 0; i < smp.events.size(); ++i) {
      if (static_cast<int>(i) == g_counters.cycles || smp.events[i].empty()) continue;
      const double per_value = summarize(smp.events[i]).median;
      st.counters[counter_slug(info[i].name) + "_per_value"] = per_value;
      if (info[i].event == "PAPI_TOT_INS" && s.median > 0) st.counters["ipc"] = per_value / s.median;
    }
  }
  st.SetLabel(g_counters.cycles_label);
}

// The clock a kernel runs at (counters::ClockLoad): AVX-512 kernels whose code has 512-bit FP
// arithmetic run at the lower AVX-512 clock. A JIT kernel's main loop says so; C++, asm and peer
// AVX-512 kernels are taken to (all but cpp signbit-blendm have FP max, FMA or division).
counters::ClockLoad clock_load(const Kernel& k, const KernelFn& kf) {
  if (k.isa() != Isa::avx512f) return counters::ClockLoad::scalar;
  if (kf.listing.empty()) return counters::ClockLoad::avx512_fp;
  const auto loop = jit::main_loop_of_listing(k, kf.listing);
  if (!loop) return counters::ClockLoad::avx512_fp;
  for (const auto& line : loop->body)
    if (line.find("zmm") != std::string::npos && jit::is_avx512_fp(line.substr(0, line.find(' '))))
      return counters::ClockLoad::avx512_fp;
  return counters::ClockLoad::scalar;
}

template <class T, class Fn>
void run_benchmark(benchmark::State& st, BenchSpec spec, SuiteOptions opt) {
  KernelFn kf;
  try {
    kf = spec.kernel->get();
  } catch (const std::exception& e) {
    st.SkipWithError(e.what());
    return;
  }
  const Typed<Fn> typed(kf);
  const Fn f = typed.fn;
  Buffers<T> b(spec.n, spec.out_offset);
  fill(b.in(), spec.n, spec.dist);
  const std::size_t n = spec.n;
  const bool wide = spec.kernel->isa() == Isa::avx2 || spec.kernel->isa() == Isa::avx512f;
  counters::PapiCounterSet* papi = g_counters.set.get();
  const counters::ClockLoad load = clock_load(*spec.kernel, kf);
  Samples smp;

  if (spec.mode == Mode::throughput) {
    auto work = [&](std::uint64_t r) {
      for (std::uint64_t i = 0; i < r; ++i) f(b.in(), b.out(), n);
    };
    warm_up(work, wide ? 20.0 : 5.0);
    const std::uint64_t reps = calls_per_region(work);
    for (auto _ : st) smp.add(counters::measure_region(work, reps, papi, load), nullptr, static_cast<double>(reps * n));
    report(st, spec, opt, smp, reps, sizeof(T), reference_cycles_per_tick(load));
    st.counters["clock_avx512_fp"] = load == counters::ClockLoad::avx512_fp ? 1.0 : 0.0;
    return;
  }

  // JIT kernels carry the dependency in a register; the rest go through memory, one call per
  // value. Either way the same loop without the kernel is timed beside it and subtracted.
  T carry = T(0);
  const Fn copy = copy_one<T>;
  const bool in_register = typed.latency != nullptr;
  auto work = [&](std::uint64_t r) {
    for (std::uint64_t i = 0; i < r; ++i) {
      if (in_register) typed.latency(b.in(), b.out(), n);
      else carry = latency_chain(f, b.in(), n, carry);
    }
  };
  auto base = [&](std::uint64_t r) {
    for (std::uint64_t i = 0; i < r; ++i) {
      if (in_register) typed.latency_base(b.in(), b.out(), n);
      else carry = latency_chain(copy, b.in(), n, carry);
    }
  };
  warm_up(work, wide ? 20.0 : 5.0);
  const std::uint64_t reps = calls_per_region(work);
  for (auto _ : st) {
    const counters::RegionSample k = counters::measure_region(work, reps, papi, load);
    const counters::RegionSample o = counters::measure_region(base, reps, papi, load);
    smp.add(k, &o, static_cast<double>(reps * n));
  }
  benchmark::DoNotOptimize(carry);
  report(st, spec, opt, smp, reps, sizeof(T), reference_cycles_per_tick(load));
  st.counters["latency_in_register"] = in_register ? 1.0 : 0.0;
  st.counters["clock_avx512_fp"] = load == counters::ClockLoad::avx512_fp ? 1.0 : 0.0;
}

// Keeps the benchmark thread on the CPU it started on, so caches and the clock calibration
// belong to one core for the whole run.
void pin_to_current_cpu() {
  const int cpu = sched_getcpu();
  if (cpu < 0) return;
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(cpu, &set);
  sched_setaffinity(0, sizeof(set), &set);
}

std::string bench_name(const BenchSpec& s, const SuiteOptions& opt) {
  std::string name = s.kernel->name() + "/mode:" + to_string(s.mode) + "/n:" + std::to_string(s.n) +
                     "/dist:" + to_string(s.dist);
  if (s.out_offset != opt.out_offset) name += "/offset:" + std::to_string(s.out_offset);
  return name;
}

int working_set_level(const WorkingSet& ws) {
  for (std::size_t i = 0; i < std::size(analysis::kWorkingSetLevels); ++i)
    if (ws.level == analysis::kWorkingSetLevels[i]) return static_cast<int>(i + 1);
  throw std::logic_error("working set level '" + ws.level + "' has no number in the result schema");
}

// What one kernel is measured on, by profile (see README "Profiles").
std::vector<BenchSpec> plan_kernel(const Kernel& k, const CacheSizes& caches, const SuiteOptions& opt) {
  const std::size_t esize = k.dtype() == DType::f32 ? sizeof(float) : sizeof(double);
  const std::vector<WorkingSet> sets = working_sets(caches, esize);
  const std::size_t l1 = values_for(sets.front(), esize);
  const bool full = opt.profile == "full", sweep = full || (opt.profile == "quick" && in_sweep_subset(k));
  std::vector<BenchSpec> out;
  out.push_back({&k, Mode::throughput, l1, Dist::uniform, opt.out_offset});
  out.push_back({&k, Mode::latency, l1, Dist::uniform, opt.out_offset});
  if (!sweep) return out;
  for (std::size_t i = 1; i < sets.size(); ++i)
    out.push_back({&k, Mode::throughput, values_for(sets[i], esize), Dist::uniform, opt.out_offset,
                   working_set_level(sets[i])});
  for (Dist d : all_dists()) {
    if (d == Dist::uniform) continue;
    out.push_back({&k, Mode::throughput, l1, d, opt.out_offset});
    if (full) out.push_back({&k, Mode::latency, l1, d, opt.out_offset});
  }
  // 4 KiB aliasing: the output 64 bytes past a page boundary, so recent stores alias the loads.
  if (opt.out_offset != 64) out.push_back({&k, Mode::throughput, l1, Dist::uniform, 64});
  return out;
}

}  // namespace

SuitePlan register_suite(const Registry& reg, const SuiteOptions& opt) {
  if (!valid_profile(opt.profile)) throw std::invalid_argument("unknown profile '" + opt.profile + "' (smoke|quick|full)");
  std::vector<const Kernel*> kernels;
  if (opt.selectors.empty())
    for (const auto& k : reg.all()) kernels.push_back(&k);
  else
    kernels = reg.select(opt.selectors);

  pin_to_current_cpu();
  SuitePlan plan;
  g_counters = {};
  if (!opt.counters.empty()) {
    g_counters.set = std::make_unique<counters::PapiCounterSet>(opt.counters);  // unknown names throw here
    plan.counters.counters = g_counters.set->info();
    for (std::size_t i = 0; i < plan.counters.counters.size(); ++i) {
      const auto& c = plan.counters.counters[i];
      if (c.available && (c.event == "PAPI_TOT_CYC" || c.event == "perf::CYCLES" || c.event == "perf::CPU-CYCLES")) {
        g_counters.cycles = static_cast<int>(i);
        break;
      }
    }
    if (!g_counters.set->any_available()) g_counters.set.reset();
  }
  if (g_counters.cycles >= 0) {
    plan.counters.cycles_source = g_counters.set->info()[g_counters.cycles].source;
  } else {
    bool pmu = true;
    for (const auto& c : plan.counters.counters)
      if (c.event == "PAPI_TOT_CYC" && c.source.find("PMU") != std::string::npos) pmu = false;
    plan.counters.cycles_source = pmu ? "tsc-calibrated" : "tsc-calibrated (no PMU)";
  }
  g_counters.cycles_label = "cycles:" + (g_counters.cycles >= 0 ? plan.counters.cycles_source : "tsc-calibrated");
  if (opt.calibration) plan.benchmarks += register_calibration_benchmarks();
  const CacheSizes caches = host_caches();
  plan.kernels = kernels.size();
  for (const Kernel* k : kernels) {
    if (!k->supported()) plan.unsupported.push_back(k->name());
    for (const BenchSpec& spec : plan_kernel(*k, caches, opt)) {
      const std::string name = bench_name(spec, opt);
      benchmark::internal::Benchmark* b;
      if (k->dtype() == DType::f32)
        b = benchmark::RegisterBenchmark(name.c_str(), run_benchmark<float, KernelF32>, spec, opt);
      else
        b = benchmark::RegisterBenchmark(name.c_str(), run_benchmark<double, KernelF64>, spec, opt);
      b->Unit(benchmark::kMicrosecond);
      ++plan.benchmarks;
    }
  }
  return plan;
}

}  // namespace actbench::bench
