// The instruction study: every form of jit/instruction_loops.hpp this CPU can run, latency and
// reciprocal throughput in cycles per instruction (N/2N regions, median of samples), with the
// published figures of data/instruction-timings.csv beside them. Written as instructions.json.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "counters/tsc_clock.hpp"
#include "jit/instruction_loops.hpp"

namespace actbench::bench {

// One instruction loop ready to measure: generated, warmed up, and timed against the clock its
// load runs at (512-bit FP forms: counters::ClockLoad::avx512_fp). The calibration benchmarks and
// the instruction study both measure through it.
class InstructionTimer {
 public:
  InstructionTimer(const std::string& instruction, const std::string& width, jit::LoopKind kind);
  double sample() const;  // cycles per instruction from one N/2N region
  counters::ClockLoad load() const { return load_; }

 private:
  jit::InstructionLoop loop_;
  counters::ClockLoad load_;
};

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
// `progress` (may be empty) gets one line per measured form.
nlohmann::json run_instruction_study(const StudyOptions& opt, const std::function<void(const std::string&)>& progress = {});

}  // namespace actbench::bench
