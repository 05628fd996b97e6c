// The instruction study: every form of jit/instruction_loops.hpp this CPU can run, latency and
// reciprocal throughput in cycles per instruction (N/2N regions, median of samples), with the
// published figures of data/instruction-timings.csv beside them. Written as instructions.json.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace actbench::bench {

struct PublishedTiming {
  std::string uarch, instruction, width;
  double latency = 0, rthroughput = 0;  // 0: not published
};

// data/instruction-timings.csv, compiled in (its header comments name the sources).
const std::vector<PublishedTiming>& published_timings();
std::string published_timings_source();

struct StudyOptions {
  std::vector<std::string> filters;  // substrings of instr/<mnemonic>/<width>/<kind>; empty: all
  int samples = 15;
};

// Measures and returns the instructions.json document (schema: analysis/result_schema.hpp).
// `progress` (may be null) gets one line per measured form.
nlohmann::json run_instruction_study(const StudyOptions& opt, void (*progress)(const std::string&) = nullptr);

}  // namespace actbench::bench
