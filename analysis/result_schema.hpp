// The result files of a run and how they are read back. Every reader goes through here, so a
// malformed, truncated or foreign file is one clear error naming the file and the field.
#pragma once

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace actbench::analysis {

// Bumped whenever a field changes meaning or goes away; readers accept 1..kSchemaVersion.
//   1: first release.
//   2: bench.json records each benchmark's working-set level (counter working_set_level, 1 = L1 ..
//      4 = DRAM); for version 1 files the reader infers it from the order of the sizes.
inline constexpr int kSchemaVersion = 2;

// The working-set levels, in the order of the working_set_level counter (1-based).
inline constexpr const char* kWorkingSetLevels[] = {"l1", "l2", "l3", "dram"};

class SchemaError : public std::runtime_error {
 public:
  SchemaError(const std::filesystem::path& file, const std::string& field, const std::string& why);
};

struct BenchRecord {
  std::string name;    // full benchmark name: <kernel>/mode:<m>/n:<n>/dist:<d>
  std::string kernel;  // the kernel part
  std::string mode, dist;
  std::size_t n = 0;
  std::optional<std::size_t> out_offset;  // only when the name says /offset:<bytes>
  bool skipped = false;
  std::string skip_reason;
  std::string cycles_source;  // from the benchmark's label, e.g. "tsc-calibrated"
  double cycles_per_value = 0, cycles_per_value_min = 0, cv = 0;
  bool noisy = false;
  bool clock_unstable = false;  // its clock was > 15 % off the run's reference: kept out of "fastest" picks
  double bytes = 0;
  std::optional<double> declared_max_ulp;  // sigmoid kernels with a ULP bound
  std::string working_set;                 // l1, l2, l3, dram (see kSchemaVersion)
  double core_ghz = 0;                     // the calibrated core clock during this benchmark
  bool latency_in_register = false;        // latency mode: carried in a register (JIT) or through memory
  std::optional<double> latency_overhead;  // latency mode through memory: the loop's own cycles, subtracted
  std::map<std::string, double> per_value; // PAPI counters per value, e.g. "instructions" (counter name)
  std::optional<double> ipc;               // instructions per cycle, where both were counted
};

// A known-answer calibration benchmark: calib/<instruction>-<width>/<lat|tput>.
struct CalibRecord {
  std::string name;
  bool skipped = false;
  std::string skip_reason;
  double cycles_per_instruction = 0, cv = 0;
  std::optional<double> expected;
};

struct BenchFile {
  int schema_version = 0;
  nlohmann::json context;
  std::vector<BenchRecord> records;
  std::vector<CalibRecord> calibration;
};

// One kernel of accuracy.json: what `actbench accuracy` measured against the correctly rounded
// reference (ULP where the reference result is normal, absolute error everywhere).
struct AccuracyRecord {
  std::string kernel;
  double max_ulp = 0;  // normal results
  double max_abs = 0;  // over normal and denormal results
  bool within_declared = true;
  std::size_t nan_against_policy = 0;
  std::string verdict;
};

// duel.json: kernels timed in turns (`actbench duel`; `actbench run` duels ours against the peers).
// In each group the first kernel is the yardstick; ratio = a kernel's time / the yardstick's.
struct DuelRecord {
  std::string kernel;
  double ratio_median = 0, ratio_p10 = 0, ratio_p90 = 0;
};
struct DuelGroup {
  std::string op;  // "sigmoid/f32"
  std::vector<DuelRecord> kernels;
  // The ratio of `kernel` to the yardstick, if both are in this group.
  const DuelRecord* find(const std::string& kernel) const;
};
struct DuelFile {
  int schema_version = 0;
  std::vector<DuelGroup> groups;
};

struct AccuracyFile {
  int schema_version = 0;
  std::string inputs;  // which inputs were checked
  double seconds = 0;
  std::vector<AccuracyRecord> records;
};

// One measured form of instructions.json (`actbench instructions`).
struct InstructionRecord {
  std::string name;  // instr/<mnemonic>/<width>/<lat|tput>
  std::string instruction, width, kind;
  double cycles = 0, cv = 0;
  std::string note;
  std::map<std::string, double> published;  // by uarch column of data/instruction-timings.csv
};

struct InstructionsFile {
  int schema_version = 0;
  std::string microarchitecture, published_column, published_source, cycles_source;
  std::vector<InstructionRecord> records;
  std::vector<std::pair<std::string, std::string>> skipped;  // name, reason
};

// predictions.json (`actbench predict`): llvm-mca's cycles per value per kernel and -mcpu target.
struct Prediction {
  double cycles_per_value = 0;
  std::string bottleneck;
  std::string error;  // set when llvm-mca failed for this target
};
struct PredictionRecord {
  std::string kernel;
  int values_per_iteration = 0, instructions_per_iteration = 0;
  std::vector<std::string> loop;  // the main loop's instructions (Intel syntax)
  std::map<std::string, Prediction> by_target;
};
struct PredictionsFile {
  int schema_version = 0;
  std::string llvm_mca, this_cpu_mcpu;
  std::vector<PredictionRecord> records;
};

nlohmann::json read_json(const std::filesystem::path& file);
PredictionsFile load_predictions(const std::filesystem::path& file);
InstructionsFile load_instructions(const std::filesystem::path& file);
AccuracyFile load_accuracy(const std::filesystem::path& file);
DuelFile load_duels(const std::filesystem::path& file);
BenchFile load_bench(const std::filesystem::path& file);
nlohmann::json load_machine(const std::filesystem::path& file);

// Splits "<kernel>/mode:x/n:y/dist:z" into its parts; nullopt if it does not have that shape.
std::optional<BenchRecord> parse_bench_name(const std::string& name);

}  // namespace actbench::analysis
