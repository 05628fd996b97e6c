// The result files of a run and how they are read back. Every reader goes through here, so a
// malformed, truncated or foreign file is one clear error naming the file and the field.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace actbench::analysis {

// Bumped whenever a field changes meaning or goes away; readers accept 1..kSchemaVersion.
inline constexpr int kSchemaVersion = 1;

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
  double bytes = 0;
  std::optional<double> declared_max_ulp;  // sigmoid kernels with a ULP bound
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

nlohmann::json read_json(const std::filesystem::path& file);
BenchFile load_bench(const std::filesystem::path& file);
nlohmann::json load_machine(const std::filesystem::path& file);

// Splits "<kernel>/mode:x/n:y/dist:z" into its parts; nullopt if it does not have that shape.
std::optional<BenchRecord> parse_bench_name(const std::string& name);

}  // namespace actbench::analysis
