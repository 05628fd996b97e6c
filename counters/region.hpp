// Core cycles of a region of code without a PMU: the region runs `reps` times and `2 reps` times,
// the difference in TSC ticks is converted to core cycles with a calibration taken right before
// it. The clock here moves between turbo bins (3.7 to 4.1 GHz seen on the development VM), so
// every sample carries its own calibration instead of trusting one made earlier.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

#include "counters/papi_counters.hpp"
#include "counters/tsc_clock.hpp"

namespace actbench::counters {

struct RegionSample {
  double cycles = 0;           // core cycles of `reps` runs (calibrated clock), timer overhead cancelled
  double ticks = 0;            // the same in TSC ticks
  double cycles_per_tick = 0;  // the calibration used
  // One per counter of the PapiCounterSet given, the same N/2N difference; nullopt where the
  // counter is unavailable. Empty without a counter set.
  std::vector<std::optional<double>> events;
};

// A short calibration (about 70 thousand cycles). The first chain only absorbs whatever the code
// before left behind: without it, after AVX-512 kernels, calibrations read up to 4.8 GHz on a
// core that runs at 3.0-4.1 (a slow first N-block run shrinks the N/2N difference). Then N and
// 2N blocks alternate, min of two each.
// `load` picks the clock to read (see ClockLoad): the one the measured code runs at.
inline double quick_cycles_per_tick(ClockLoad load = ClockLoad::scalar) {
  constexpr std::uint64_t kBlocks = 200;
  time_add_chain(kBlocks / 2, load);
  std::uint64_t t1 = ~0ull, t2 = ~0ull;
  for (int i = 0; i < 2; ++i) {
    t2 = std::min(t2, time_add_chain(2 * kBlocks, load));
    t1 = std::min(t1, time_add_chain(kBlocks, load));
  }
  return 100.0 * kBlocks / static_cast<double>(t2 > t1 ? t2 - t1 : 1);
}

// PAPI's start and stop sit outside the TSC reads, and their cost cancels in the N/2N difference
// of the counts like the timer's does.
template <class Work>  // Work: void(std::uint64_t reps)
RegionSample measure_region(Work&& work, std::uint64_t reps, PapiCounterSet* papi = nullptr,
                            ClockLoad load = ClockLoad::scalar) {
  RegionSample s;
  s.cycles_per_tick = quick_cycles_per_tick(load);
  if (papi) papi->start();
  const std::uint64_t a0 = tsc_begin();
  work(reps);
  const std::uint64_t a1 = tsc_end();
  if (papi) papi->stop();
  const std::vector<std::optional<long long>> once = papi ? papi->values() : std::vector<std::optional<long long>>{};
  if (papi) papi->start();
  const std::uint64_t b0 = tsc_begin();
  work(2 * reps);
  const std::uint64_t b1 = tsc_end();
  if (papi) {
    papi->stop();
    const auto twice = papi->values();
    for (std::size_t i = 0; i < twice.size(); ++i)
      s.events.push_back(twice[i] && once[i] ? std::optional<double>(static_cast<double>(*twice[i] - *once[i]))
                                             : std::nullopt);
  }
  s.ticks = static_cast<double>(b1 - b0) - static_cast<double>(a1 - a0);
  s.cycles = s.ticks * s.cycles_per_tick;
  return s;
}

}  // namespace actbench::counters
