#include "benches/suite.hpp"

#include <benchmark/benchmark.h>
#include <fnmatch.h>
#include <sched.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <stdexcept>

#include "benches/buffers.hpp"
#include "benches/calibration.hpp"
#include "benches/inputs.hpp"
#include "benches/modes.hpp"
#include "benches/stats.hpp"
#include "benches/working_sets.hpp"
#include "counters/region.hpp"

namespace actbench::bench {

const char* const kProfiles[] = {"quick", "full"};

bool valid_profile(const std::string& p) {
  return std::find(std::begin(kProfiles), std::end(kProfiles), p) != std::end(kProfiles);
}

double profile_min_time(const std::string& p) { return p == "quick" ? 0.05 : 0.3; }

namespace {

// The quick profile sweeps working sets and input distributions only for these (the fastest
// of each family and the libm baseline); full sweeps everything.
const char* const kSweepSubset[] = {"relu/f32/*/avx512f/maxps*",          "relu/f32/*/avx2/maxps*",
                                    "relu/f32/cpp/scalar/signbit-branch", "relu/f32/cpp/scalar/signbit-mask",
                                    "relu/f64/cpp/scalar/signbit-branch", "sigmoid/f32/cpp/scalar/libm"};

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
};

template <class Fn>
Fn fn_of(const KernelFn& f) {
  if constexpr (std::is_same_v<Fn, KernelF32>)
    return f.f32;
  else
    return f.f64;
}

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

void report(benchmark::State& st, const BenchSpec& spec, const SuiteOptions& opt, const std::vector<double>& cpv,
            const std::vector<double>& clocks, std::uint64_t reps, std::size_t elem) {
  const SampleStats s = summarize_repetitions(cpv), c = summarize(clocks);
  st.counters["cycles_per_value"] = s.median;
  st.counters["cycles_per_value_min"] = s.min;
  st.counters["cycles_per_value_cv"] = s.cv;
  st.counters["samples"] = static_cast<double>(s.count);
  st.counters["repetitions"] = static_cast<double>(std::min<std::size_t>(5, s.count));
  st.counters["noisy"] = s.cv > opt.noisy_cv ? 1.0 : 0.0;
  st.counters["core_ghz"] = c.median * counters::tsc_hz() * 1e-9;
  st.counters["core_clock_cv"] = c.cv;
  st.counters["calls_per_sample"] = static_cast<double>(reps);
  st.counters["values"] = static_cast<double>(spec.n);
  st.counters["bytes"] = static_cast<double>((spec.mode == Mode::throughput ? 2 : 1) * spec.n * elem);
  st.counters["out_offset"] = static_cast<double>(spec.out_offset);
  st.SetItemsProcessed(static_cast<std::int64_t>(st.iterations() * 3 * reps * spec.n));
  st.SetLabel("cycles:tsc-calibrated");
}

template <class T, class Fn>
void run_benchmark(benchmark::State& st, BenchSpec spec, SuiteOptions opt) {
  Fn f;
  try {
    f = fn_of<Fn>(spec.kernel->get());
  } catch (const std::exception& e) {
    st.SkipWithError(e.what());
    return;
  }
  Buffers<T> b(spec.n, spec.out_offset);
  fill(b.in(), spec.n, spec.dist);
  const std::size_t n = spec.n;
  const bool wide = spec.kernel->isa() == Isa::avx2 || spec.kernel->isa() == Isa::avx512f;
  std::vector<double> cpv, clocks, overhead;

  if (spec.mode == Mode::throughput) {
    auto work = [&](std::uint64_t r) {
      for (std::uint64_t i = 0; i < r; ++i) f(b.in(), b.out(), n);
    };
    warm_up(work, wide ? 20.0 : 5.0);
    const std::uint64_t reps = calls_per_region(work);
    for (auto _ : st) {
      const counters::RegionSample r = counters::measure_region(work, reps);
      cpv.push_back(r.cycles / static_cast<double>(reps * n));
      clocks.push_back(r.cycles_per_tick);
    }
    report(st, spec, opt, cpv, clocks, reps, sizeof(T));
    return;
  }

  T carry = T(0);
  const Fn copy = copy_one<T>;
  auto work = [&](std::uint64_t r) {
    for (std::uint64_t i = 0; i < r; ++i) carry = latency_chain(f, b.in(), n, carry);
  };
  auto base = [&](std::uint64_t r) {
    for (std::uint64_t i = 0; i < r; ++i) carry = latency_chain(copy, b.in(), n, carry);
  };
  warm_up(work, wide ? 20.0 : 5.0);
  const std::uint64_t reps = calls_per_region(work);
  for (auto _ : st) {
    const counters::RegionSample k = counters::measure_region(work, reps);
    const counters::RegionSample o = counters::measure_region(base, reps);
    const double per = static_cast<double>(reps * n);
    cpv.push_back((k.cycles - o.cycles) / per);
    overhead.push_back(o.cycles / per);
    clocks.push_back(k.cycles_per_tick);
  }
  benchmark::DoNotOptimize(carry);
  report(st, spec, opt, cpv, clocks, reps, sizeof(T));
  st.counters["latency_overhead_cycles"] = summarize(overhead).median;
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

// What one kernel is measured on, by profile (see README "Profiles").
std::vector<BenchSpec> plan_kernel(const Kernel& k, const CacheSizes& caches, const SuiteOptions& opt) {
  const std::size_t esize = k.dtype() == DType::f32 ? sizeof(float) : sizeof(double);
  const std::vector<WorkingSet> sets = working_sets(caches, esize);
  const std::size_t l1 = values_for(sets.front(), esize);
  const bool full = opt.profile == "full", sweep = full || in_sweep_subset(k);
  std::vector<BenchSpec> out;
  out.push_back({&k, Mode::throughput, l1, Dist::uniform, opt.out_offset});
  out.push_back({&k, Mode::latency, l1, Dist::uniform, opt.out_offset});
  if (!sweep) return out;
  for (std::size_t i = 1; i < sets.size(); ++i)
    out.push_back({&k, Mode::throughput, values_for(sets[i], esize), Dist::uniform, opt.out_offset});
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
  if (!valid_profile(opt.profile)) throw std::invalid_argument("unknown profile '" + opt.profile + "' (quick|full)");
  std::vector<const Kernel*> kernels;
  if (opt.selectors.empty())
    for (const auto& k : reg.all()) kernels.push_back(&k);
  else
    kernels = reg.select(opt.selectors);

  pin_to_current_cpu();
  SuitePlan plan;
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
