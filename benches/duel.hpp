// Paired timing. The kernels take turns, one short timed region each, round after round, so a
// neighbour on the same core or a clock change hits them alike; the figure is the median over
// rounds of each kernel's time against the first kernel's in the same round. On a quiet machine it
// agrees with `actbench bench`; on a noisy one it still ranks kernels whose medians, measured
// seconds apart, can swap places (the development VMs of this project do that).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "kernels/kernel.hpp"

namespace actbench::bench {

struct DuelOptions {
  std::size_t n = 4096;             // values per call (L1-resident at f32)
  int rounds = 300;                 // turns per kernel
  int calls = 20;                   // calls per timed region
  std::size_t out_offset = 2048;    // as in `actbench bench`: no 4 KiB aliasing of loads and stores
};

struct DuelResult {
  std::string kernel;
  double ticks_per_value_median = 0, ticks_per_value_min = 0;  // TSC ticks, not core cycles
  double ratio_median = 0, ratio_p10 = 0, ratio_p90 = 0;       // this kernel's time / the first's
};

// Every kernel must run here and share one dtype; throws std::invalid_argument otherwise.
std::vector<DuelResult> duel(const std::vector<const Kernel*>& kernels, const DuelOptions& opt);

}  // namespace actbench::bench
