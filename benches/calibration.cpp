#include "benches/calibration.hpp"

#include <benchmark/benchmark.h>

#include "benches/stats.hpp"
#include "benches/instruction_study.hpp"
#include "kernels/cpu_features.hpp"

namespace actbench::bench {
namespace {

// Latencies are the same on every Intel core since Skylake (and instruction-timings.csv);
// reciprocal throughputs differ between cores, so only the portable ones carry an expectation.
constexpr CalibrationCase kCases[] = {
    {"add", "r64", true, 1.0},     {"imul", "r64", true, 3.0},    {"imul", "r64", false, 1.0},
    {"vaddps", "ymm", true, 4.0, "Golden Cove-class cores have a 2-cycle FP adder"},
    {"vaddps", "ymm", false, 0.5},
    {"vaddps", "zmm", true, 4.0, "Golden Cove-class cores have a 2-cycle FP adder"},
    {"vaddps", "zmm", false, 0.0}, {"vmaxps", "ymm", true, 4.0},  {"vmaxps", "ymm", false, 0.5},
    {"vmaxps", "zmm", true, 4.0},  {"vmaxps", "zmm", false, 0.0}, {"vandps", "ymm", true, 1.0},
    {"vandps", "ymm", false, 0.0}, {"vandps", "zmm", true, 1.0},  {"vandps", "zmm", false, 0.0},
};

void run_case(benchmark::State& st, CalibrationCase c) {
  const std::string w = c.width;
  const FeatureSet need = w == "zmm" ? FeatureSet{Feature::avx512f} : w == "ymm" ? FeatureSet{Feature::avx} : FeatureSet{};
  if (!host_features().has_all(need)) {
    st.SkipWithError(("needs " + need.names().front() + ", which this CPU lacks").c_str());
    return;
  }
  const InstructionTimer timer(c.instruction, c.width, c.latency ? jit::LoopKind::latency : jit::LoopKind::throughput);
  std::vector<double> cpi;
  for (auto _ : st) cpi.push_back(timer.sample());
  const SampleStats s = summarize_repetitions(cpi);
  st.counters["cycles_per_instruction"] = s.median;
  st.counters["cycles_per_instruction_cv"] = s.cv;
  if (c.expected > 0) {
    st.counters["expected_cycles"] = c.expected;
    st.counters["deviation"] = s.median / c.expected - 1.0;
  }
  st.SetLabel("cycles:tsc-calibrated");
}

}  // namespace

std::size_t register_calibration_benchmarks() {
  std::size_t count = 0;
  for (const CalibrationCase& c : kCases) {
    const std::string name = std::string("calib/") + c.instruction + "-" + c.width + "/" + (c.latency ? "lat" : "tput");
    benchmark::RegisterBenchmark(name.c_str(), run_case, c)->Unit(benchmark::kMicrosecond);
    if (*c.note) benchmark::AddCustomContext("note:" + name, c.note);
    ++count;
  }
  return count;
}

}  // namespace actbench::bench
