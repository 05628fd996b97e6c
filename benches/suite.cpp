#include "benches/suite.hpp"

#include <benchmark/benchmark.h>
#include <fnmatch.h>
#include <sched.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <stdexcept>

#include "benches/buffers.hpp"
#include "benches/inputs.hpp"
#include "benches/stats.hpp"
#include "benches/working_sets.hpp"
#include "counters/region.hpp"

namespace actbench::bench {

const char* const kProfiles[] = {"quick", "full"};

bool valid_profile(const std::string& p) {
  return std::find(std::begin(kProfiles), std::end(kProfiles), p) != std::end(kProfiles);
}

double profile_min_time(const std::string& p) { return p == "quick" ? 0.05 : 0.5; }

namespace {

// The quick profile sweeps working sets only for these; full sweeps everything.
const char* const kSweepSubset[] = {"relu/f32/*/avx512f/maxps*", "relu/f32/*/avx2/maxps*",
                                    "relu/f32/cpp/scalar/signbit-branch", "sigmoid/f32/cpp/scalar/libm"};

bool in_sweep_subset(const Kernel& k) {
  for (const char* g : kSweepSubset)
    if (fnmatch(g, k.name().c_str(), 0) == 0) return true;
  return false;
}

template <class T>
T fn_of(const KernelFn& f);
template <>
KernelF32 fn_of<KernelF32>(const KernelFn& f) { return f.f32; }
template <>
KernelF64 fn_of<KernelF64>(const KernelFn& f) { return f.f64; }

// Runs the kernel until at least `ms` milliseconds have passed, so caches, the branch predictor
// and (for wide vectors) the power license are in their steady state before timing starts.
template <class Fn, class T>
void warm_up(Fn f, Buffers<T>& b, double ms) {
  const auto t0 = std::chrono::steady_clock::now();
  int calls = 0;
  while (calls < 2 || std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() < ms) {
    f(b.in(), b.out(), b.size());
    ++calls;
  }
}

template <class T, class Fn>
void throughput(benchmark::State& st, const Kernel* k, std::size_t n, Dist dist, const SuiteOptions& opt) {
  Fn f;
  try {
    f = fn_of<Fn>(k->get());
  } catch (const std::exception& e) {
    st.SkipWithError(e.what());
    return;
  }
  Buffers<T> b(n, opt.out_offset);
  fill(b.in(), n, dist);
  auto calls = [&](std::uint64_t r) {
    for (std::uint64_t i = 0; i < r; ++i) f(b.in(), b.out(), n);
  };
  warm_up(f, b, 5.0);
  // Enough calls per timed region (about 100 us) that a timer read or a stray interrupt is small
  // against it; a DRAM-sized call is long enough on its own.
  const std::uint64_t t0 = counters::tsc_begin();
  calls(1);
  const double ticks_per_call = static_cast<double>(counters::tsc_end() - t0);
  const std::uint64_t reps = std::max<std::uint64_t>(1, static_cast<std::uint64_t>(2.5e5 / std::max(1.0, ticks_per_call)));

  std::vector<double> samples, clocks;
  for (auto _ : st) {
    const counters::RegionSample r = counters::measure_region(calls, reps);
    samples.push_back(r.cycles / static_cast<double>(reps * n));
    clocks.push_back(r.cycles_per_tick);
  }
  benchmark::ClobberMemory();
  const SampleStats s = summarize_repetitions(samples), c = summarize(clocks);

  st.counters["cycles_per_value"] = s.median;
  st.counters["cycles_per_value_min"] = s.min;
  st.counters["cycles_per_value_cv"] = s.cv;
  st.counters["samples"] = static_cast<double>(s.count);
  st.counters["repetitions"] = static_cast<double>(std::min<std::size_t>(5, s.count));
  st.counters["noisy"] = s.cv > opt.noisy_cv ? 1.0 : 0.0;
  st.counters["core_ghz"] = c.median * counters::tsc_hz() * 1e-9;
  st.counters["core_clock_cv"] = c.cv;
  st.counters["calls_per_sample"] = static_cast<double>(reps);
  st.counters["values"] = static_cast<double>(n);
  st.counters["bytes"] = static_cast<double>(2 * n * sizeof(T));
  st.SetItemsProcessed(static_cast<std::int64_t>(st.iterations() * 3 * reps * n));
  st.SetLabel("cycles:tsc-calibrated");
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

}  // namespace

SuitePlan register_suite(const Registry& reg, const SuiteOptions& opt) {
  if (!valid_profile(opt.profile)) throw std::invalid_argument("unknown profile '" + opt.profile + "' (quick|full)");
  std::vector<const Kernel*> kernels;
  if (opt.selectors.empty())
    for (const auto& k : reg.all()) kernels.push_back(&k);
  else
    kernels = reg.select(opt.selectors);

  pin_to_current_cpu();
  const CacheSizes caches = host_caches();
  SuitePlan plan;
  plan.kernels = kernels.size();
  for (const Kernel* k : kernels) {
    const std::size_t esize = k->dtype() == DType::f32 ? sizeof(float) : sizeof(double);
    std::vector<WorkingSet> sets = working_sets(caches, esize);
    if (opt.profile == "quick" && !in_sweep_subset(*k)) sets.resize(1);  // l1 only
    if (!k->supported()) plan.unsupported.push_back(k->name());
    for (const WorkingSet& ws : sets) {
      const std::size_t n = values_for(ws, esize);
      for (Dist dist : {Dist::uniform}) {
        const std::string name = k->name() + "/mode:throughput/n:" + std::to_string(n) + "/dist:" + to_string(dist);
        benchmark::internal::Benchmark* b;
        if (k->dtype() == DType::f32)
          b = benchmark::RegisterBenchmark(name.c_str(), throughput<float, KernelF32>, k, n, dist, opt);
        else
          b = benchmark::RegisterBenchmark(name.c_str(), throughput<double, KernelF64>, k, n, dist, opt);
        b->Unit(benchmark::kMicrosecond);
        ++plan.benchmarks;
      }
    }
  }
  return plan;
}

}  // namespace actbench::bench
