// `actbench compare <run> <run>...`: kernels as rows, runs (machines) as columns, the ratio to a
// baseline run, the fastest per op on each machine; compared on the kernels the runs share.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "analysis/document.hpp"
#include "analysis/run.hpp"

namespace actbench::analysis {

// "1".."N" (position), a run folder, a <machine>/<timestamp> label or a machine slug (if it names
// one run). Empty: the first run. Throws std::invalid_argument listing the runs otherwise.
std::size_t pick_baseline(const std::vector<Run>& runs, const std::string& which);

struct Comparison {
  std::vector<std::string> shared;                   // kernels with an L1 throughput figure in every run
  std::vector<std::vector<std::string>> only_in;     // per run: kernels the others lack
  std::vector<double> geomean_vs_baseline;           // per run: geometric mean of run ÷ baseline over shared
  std::vector<std::string> warnings;                 // e.g. different cycle sources
};

Comparison compare_runs(const std::vector<Run>& runs, std::size_t baseline);
// predicted: llvm-mca -mcpu targets whose predictions (from the first run that has
// predictions.json) are added as columns, for CPUs with no run; marked as predictions.
Document build_comparison(const std::vector<Run>& runs, std::size_t baseline, const std::filesystem::path& plots_dir,
                          std::string* plots_note, const std::vector<std::string>& predicted = {});

struct CompareResult {
  std::vector<std::filesystem::path> files;
  Comparison comparison;
  std::string plots_note;
};
// Writes compare.md, compare.html, compare.csv and plots/ into out_dir, which must not hold a
// comparison already (nothing is overwritten).
CompareResult write_comparison(const std::vector<std::filesystem::path>& run_dirs, const std::filesystem::path& out_dir,
                               const std::string& baseline, bool plots = true,
                               const std::vector<std::string>& predicted = {});

}  // namespace actbench::analysis
