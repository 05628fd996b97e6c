// Summary statistics of repeated samples: median, min, coefficient of variation.
#pragma once

#include <vector>

namespace actbench::bench {

struct SampleStats {
  double median = 0, min = 0, mean = 0, cv = 0;
  std::size_t count = 0;
};

SampleStats summarize(std::vector<double> samples);

// The samples split, in time order, into `reps` consecutive repetitions. median: over all samples;
// min and cv: over the repetitions' medians. A single sample of an N/2N difference is too noisy
// to mean much alone (it can even be negative); a repetition's median is a measurement.
SampleStats summarize_repetitions(const std::vector<double>& samples, std::size_t reps = 5);

}  // namespace actbench::bench
