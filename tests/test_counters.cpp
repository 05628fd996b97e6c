// The calibrated core clock against known answers: a dependent add r64 chain costs 1 cycle per
// instruction and an imul r64 chain 3, on every x86-64 core of the last decade. Ratios with wide
// margins only: the machine is shared and noisy.
#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

#include "counters/region.hpp"
#include "counters/tsc_clock.hpp"
#include "kernels/cpu_features.hpp"

using namespace actbench::counters;

namespace {
double median_of(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}
}  // namespace

TEST_CASE("calibrated clock: add chain 1.0 +- 0.1 cycles, imul chain 3.0 +- 0.3", "[counters]") {
  std::vector<double> add, imul;
  for (int i = 0; i < 9; ++i) {
    const ClockCalibration cal = calibrate_core_clock(5, 1000);
    add.push_back(chain_cycles_per_instruction(false, cal));
    imul.push_back(chain_cycles_per_instruction(true, cal));
  }
  CHECK(median_of(add) == Approx(1.0).margin(0.1));
  CHECK(median_of(imul) == Approx(3.0).margin(0.3));
}

TEST_CASE("calibrated clock: TSC and core frequency are plausible", "[counters]") {
  const double hz = tsc_hz();
  CHECK(hz > 0.5e9);
  CHECK(hz < 10e9);
  const ClockCalibration cal = calibrate_core_clock();
  CHECK(cal.core_hz > 0.3e9);
  CHECK(cal.core_hz < 8e9);
}

TEST_CASE("measure_region: twice the work measures about twice the cycles", "[counters]") {
  auto chain = [](std::uint64_t reps) {
    for (std::uint64_t r = 0; r < reps; ++r) time_imul_chain(50);
  };
  std::vector<double> one, two;
  for (int i = 0; i < 9; ++i) {
    one.push_back(measure_region(chain, 4).cycles);
    two.push_back(measure_region(chain, 8).cycles);
  }
  // 4 x 50 x 100 imuls at 3 cycles = 60000 cycles.
  CHECK(median_of(one) == Approx(60000).epsilon(0.15));
  CHECK(median_of(two) / median_of(one) == Approx(2.0).epsilon(0.15));
}

TEST_CASE("calibrated clock under AVX-512 FP load: the FMAs stay off the add chain", "[counters]") {
  if (!actbench::host_features().has(actbench::Feature::avx512f)) {
    WARN("no AVX-512F here: the AVX-512 FP clock is not measured");
    return;
  }
  using actbench::counters::ClockLoad;
  std::vector<double> ratio;
  for (int i = 0; i < 7; ++i)
    ratio.push_back(actbench::counters::quick_cycles_per_tick(ClockLoad::avx512_fp) /
                    actbench::counters::quick_cycles_per_tick(ClockLoad::scalar));
  std::sort(ratio.begin(), ratio.end());
  // A core may lower its clock under 512-bit FP work (here by about 6%), never raise it; an FMA on
  // the chain's path would add whole cycles per block and read far slower.
  CHECK(ratio[3] > 0.8);
  CHECK(ratio[3] < 1.03);
}
