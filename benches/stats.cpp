#include "benches/stats.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace actbench::bench {

SampleStats summarize(std::vector<double> s) {
  SampleStats r;
  r.count = s.size();
  if (s.empty()) return r;
  std::sort(s.begin(), s.end());
  r.min = s.front();
  r.median = s.size() % 2 ? s[s.size() / 2] : 0.5 * (s[s.size() / 2 - 1] + s[s.size() / 2]);
  r.mean = std::accumulate(s.begin(), s.end(), 0.0) / static_cast<double>(s.size());
  double var = 0;
  for (double v : s) var += (v - r.mean) * (v - r.mean);
  var = s.size() > 1 ? var / static_cast<double>(s.size() - 1) : 0.0;
  r.cv = r.mean != 0 ? std::sqrt(var) / std::fabs(r.mean) : 0.0;
  return r;
}

SampleStats summarize_repetitions(const std::vector<double>& samples, std::size_t reps) {
  SampleStats all = summarize(samples);
  if (samples.empty()) return all;
  reps = std::min(reps, samples.size());
  std::vector<double> medians;
  for (std::size_t r = 0; r < reps; ++r) {
    const std::size_t lo = samples.size() * r / reps, hi = samples.size() * (r + 1) / reps;
    medians.push_back(summarize({samples.begin() + static_cast<std::ptrdiff_t>(lo),
                                 samples.begin() + static_cast<std::ptrdiff_t>(hi)}).median);
  }
  const SampleStats m = summarize(medians);
  all.min = m.min;
  all.cv = m.cv;
  return all;
}

}  // namespace actbench::bench
