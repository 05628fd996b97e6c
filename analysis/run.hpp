// One results run read back whole: machine.json, bench.json and (if present) accuracy.json, with
// the look-ups the report, the claims and the comparison share.
#pragma once

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "analysis/result_schema.hpp"
#include "kernels/kernel_name.hpp"

namespace actbench::analysis {

struct Run {
  std::filesystem::path dir;
  std::string machine;  // slug: machine.json, else the bench context
  std::string label;    // <machine>/<run folder>: names the run in a comparison
  std::optional<nlohmann::json> machine_json;
  BenchFile bench;
  std::optional<AccuracyFile> accuracy;
  std::optional<InstructionsFile> instructions;
  std::optional<PredictionsFile> predictions;
  std::optional<DuelFile> duels;  // duel.json: ours against the peers, timed in turns
  std::optional<nlohmann::json> fleet;  // fleet.json: the Slurm job that made the run (scripts/fleet)
  // False only when the run says it was made on a node other jobs shared.
  bool exclusive() const { return !fleet || fleet->value("exclusive", true); }

  // The measurement of a kernel at a point (L1 uniform by default); nullptr if not measured or
  // skipped. Runs made with --out-offset other than the default are not points of their own.
  const BenchRecord* find(const std::string& kernel, const std::string& mode, const std::string& dist = "uniform",
                          const std::string& working_set = "l1") const;
  const AccuracyRecord* accuracy_of(const std::string& kernel) const;
  // Kernels with an L1 uniform throughput figure, in file order.
  std::vector<std::string> kernels() const;
  // The cycles source(s) of the figures, e.g. "tsc-calibrated (no PMU)".
  std::string cycles_source() const;

 private:
  friend Run load_run(const std::filesystem::path& dir);
  std::map<std::string, std::size_t> index_;  // kernel|mode|dist|ws -> record
  std::map<std::string, std::size_t> accuracy_index_;
};

// Throws SchemaError naming the file and field when a file is malformed; a run without
// bench.json is an error, machine.json, accuracy.json, instructions.json and predictions.json are optional.
Run load_run(const std::filesystem::path& dir);

}  // namespace actbench::analysis
