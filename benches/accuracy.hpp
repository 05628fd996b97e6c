// Accuracy of every kernel against the correctly rounded reference: max error in ULP, absolute
// and relative, where each occurs, a histogram, and the behaviour on special values; separately
// where the correctly rounded result is normal and where it is denormal or zero (a kernel that
// flushes those is judged there by absolute error, and says so).
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "kernels/registry.hpp"

namespace actbench::bench {

struct AccuracyOptions {
  bool exhaustive = false;       // all 2^32 float inputs (f64 kernels: the dense sample only)
  std::uint32_t stride = 257;    // otherwise every stride-th bit pattern, plus every special value
  unsigned threads = 2;
  bool progress = true;          // a progress line on stderr
};

// Histogram buckets of ULP error: 0, 1, 2, 3-4, 5-8, ..., 2^30+1-2^31, beyond.
inline constexpr int kUlpBuckets = 34;
int ulp_bucket(std::uint64_t ulp);
std::string ulp_bucket_label(int bucket);

struct RangeStats {
  std::uint64_t count = 0;
  double max_ulp = 0, max_abs = 0, max_rel = 0;
  double at_ulp = 0, at_abs = 0, at_rel = 0;  // the input where each maximum occurs
  std::uint64_t flushed = 0;                  // outputs 0 where the correctly rounded result is not
  std::uint64_t histogram[kUlpBuckets] = {};
  void merge(const RangeStats& o);
};

struct KernelAccuracy {
  const Kernel* kernel = nullptr;
  RangeStats normal;     // correctly rounded result normal (or any result, for ReLU)
  RangeStats subnormal;  // correctly rounded result denormal or zero (sigmoid)
  std::uint64_t nan_wrong = 0;  // NaN out of a finite input, or a NaN input not handled per policy
  double first_nan_wrong_at = 0;
  std::vector<std::pair<std::string, std::string>> specials;  // input -> output, as text
  std::uint64_t inputs = 0;
  bool within_declared = false;
  std::string verdict;  // why not, when not
};

// Measures the kernels (unsupported ones are skipped and listed by the caller).
std::vector<KernelAccuracy> measure_accuracy(const std::vector<const Kernel*>& kernels, const AccuracyOptions& opt);

nlohmann::json accuracy_json(const std::vector<KernelAccuracy>& results, const AccuracyOptions& opt, double seconds);
std::string accuracy_table(const std::vector<KernelAccuracy>& results);

}  // namespace actbench::bench
