// Input distributions. Deterministic (fixed seed) so two runs measure the same data. Branchy and
// denormal-sensitive kernels change by orders of magnitude across these: that is a finding.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace actbench::bench {

enum class Dist {
  uniform,      // uniform in [-8, 8]
  positive,     // uniform in (0, 8]
  negative,     // uniform in [-8, 0)
  random_sign,  // |x| uniform in [0.5, 8], sign a fair coin: unpredictable to a branch predictor
  alternating,  // |x| as above, signs +,-,+,-: a pattern a predictor learns
  denormal,     // denormal magnitudes of both signs
  saturating,   // |x| uniform in [20, 120]: sigmoid is 1, or 0 / denormal, there
};

const char* to_string(Dist d);
std::optional<Dist> parse_dist(const std::string& s);
std::vector<Dist> all_dists();

template <class T>
void fill(T* data, std::size_t n, Dist d, unsigned seed = 12345);

}  // namespace actbench::bench
