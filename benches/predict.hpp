// Predictions for CPUs one does not have: each JIT and asm kernel's main loop goes to llvm-mca for
// a list of -mcpu targets, and the predicted cycles per iteration become cycles per value. Written
// as predictions.json; the report sets this CPU's prediction beside its measurement.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace actbench::bench {

struct PredictOptions {
  std::vector<std::string> selectors;  // kernels (registry selectors); empty: every JIT and asm kernel
  std::vector<std::string> targets;    // -mcpu values; empty: the default list (plus this CPU's)
  std::string llvm_mca;                // executable; empty: ACTBENCH_LLVM_MCA, else llvm-mca-19, else llvm-mca
};

// The -mcpu targets used by default for a kernel of this ISA: AVX-512 ones for all, AVX2-only
// ones for kernels that do not need AVX-512.
std::vector<std::string> default_targets(bool avx512);

// Finds llvm-mca; throws std::runtime_error with what to install when there is none.
std::string find_llvm_mca(const std::string& wanted);

nlohmann::json run_predictions(const PredictOptions& opt, const std::function<void(const std::string&)>& progress = {});

}  // namespace actbench::bench
