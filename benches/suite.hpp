// Registers the registry's kernels with Google Benchmark, one benchmark per kernel, working set
// and input distribution, named <kernel>/mode:<mode>/n:<count>/dist:<dist>.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "counters/papi_counters.hpp"
#include "kernels/registry.hpp"

namespace actbench::bench {

struct SuiteOptions {
  std::string profile = "quick";       // quick | full
  std::vector<std::string> selectors;  // kernels or groups; empty = all
  std::size_t out_offset = 2048;       // bytes between the output's page start and the output
  double noisy_cv = 0.02;              // a benchmark whose CV exceeds this is flagged noisy
  bool calibration = true;             // also run the known-answer calib/* benchmarks
  // PAPI events (aliases or PAPI names) counted beside every benchmark, each where available.
  std::vector<std::string> counters = {"cycles", "instructions", "branch-misses", "l1d-misses"};
};

// Where each figure comes from, for the JSON context and the summary.
struct CounterReport {
  std::vector<counters::CounterInfo> counters;
  std::string cycles_source;  // "papi:PAPI_TOT_CYC", or "tsc-calibrated (no PMU)" and the like
};

struct SuitePlan {
  CounterReport counters;
  std::size_t benchmarks = 0;
  std::size_t kernels = 0;
  std::vector<std::string> unsupported;  // registered but skipped with the reason
};

extern const char* const kProfiles[];  // the profile names, for --help and validation
bool valid_profile(const std::string& p);

// "branch-misses" -> "branch_misses", "perf::TASK-CLOCK" -> "perf_task_clock": a user-counter name.
std::string counter_slug(const std::string& name);
// Google Benchmark's --benchmark_min_time for a profile (seconds per benchmark), used unless
// the user passes their own. Set globally, not per benchmark, so names carry no /min_time: part.
double profile_min_time(const std::string& p);

// Registers everything the options select. Throws std::invalid_argument on an unknown selector
// or profile, and counters::UnknownEventError on an event PAPI does not know, before anything
// runs. Call it on the thread that runs the benchmarks (PAPI binds counters to a thread).
SuitePlan register_suite(const Registry& reg, const SuiteOptions& opt);

}  // namespace actbench::bench
