// Ours against the peers: per op and dtype (relu/f32, sigmoid/f32, ...), the fastest of ours, of
// ours within 4 and within 2 ULP (declared), and the fastest peer, by the median cycles/value of
// the L1 uniform throughput benchmark (smallest n), leaving out figures whose calibrated clock was
// unstable (BenchRecord::clock_unstable). The run summary prints them; `actbench run`
// then times each group in turns (benches/duel.hpp) for a ratio that noise does not reorder.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/result_schema.hpp"

namespace actbench::analysis {

struct Contenders {
  std::string op;  // "sigmoid/f32"
  const BenchRecord* ours = nullptr;
  const BenchRecord* ours_4ulp = nullptr;  // sigmoid only; equal to `ours` when that is within 4 ULP
  const BenchRecord* ours_2ulp = nullptr;
  const BenchRecord* peer = nullptr;
};

// Pointers into `b`, which must outlive the result. Ops without any of ours are left out.
std::vector<Contenders> ours_vs_peers(const BenchFile& b);

// What a table shows of one op: the fastest of ours (max_ulp 0: any accuracy), then, for sigmoid,
// the fastest within 4 and within 2 ULP where each is another kernel than the row before.
struct ContenderRow {
  const BenchRecord* ours = nullptr;
  int max_ulp = 0;
};
std::vector<ContenderRow> rows_of(const Contenders& c);

// peer time / ours, timed in turns (duel.json): the median over rounds and the band from the 10th
// and 90th percentiles of ours; nullopt when the run did not duel that pair.
struct Paired {
  double median = 0, low = 0, high = 0;
};
std::optional<Paired> paired_speedup(const DuelFile& d, const std::string& op, const std::string& ours,
                                     const std::string& peer);

}  // namespace actbench::analysis
