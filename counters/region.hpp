// Core cycles of a region of code without a PMU: the region runs `reps` times and `2 reps` times,
// the difference in TSC ticks is converted to core cycles with a calibration taken right before
// it. The clock here moves between turbo bins (3.7 to 4.1 GHz seen on the development VM), so
// every sample carries its own calibration instead of trusting one made earlier.
#pragma once

#include <algorithm>
#include <cstdint>

#include "counters/tsc_clock.hpp"

namespace actbench::counters {

struct RegionSample {
  double cycles = 0;           // core cycles of `reps` runs, timer overhead cancelled
  double ticks = 0;            // the same in TSC ticks
  double cycles_per_tick = 0;  // the calibration used
};

// A short calibration (about 60 thousand cycles): min over two runs at each chain length.
inline double quick_cycles_per_tick() {
  constexpr std::uint64_t kBlocks = 200;
  const std::uint64_t t1 = std::min(time_add_chain(kBlocks), time_add_chain(kBlocks));
  const std::uint64_t t2 = std::min(time_add_chain(2 * kBlocks), time_add_chain(2 * kBlocks));
  return 100.0 * kBlocks / static_cast<double>(t2 > t1 ? t2 - t1 : 1);
}

template <class Work>  // Work: void(std::uint64_t reps)
RegionSample measure_region(Work&& work, std::uint64_t reps) {
  RegionSample s;
  s.cycles_per_tick = quick_cycles_per_tick();
  const std::uint64_t a0 = tsc_begin();
  work(reps);
  const std::uint64_t a1 = tsc_end();
  const std::uint64_t b0 = tsc_begin();
  work(2 * reps);
  const std::uint64_t b1 = tsc_end();
  s.ticks = static_cast<double>(b1 - b0) - static_cast<double>(a1 - a0);
  s.cycles = s.ticks * s.cycles_per_tick;
  return s;
}

}  // namespace actbench::counters
