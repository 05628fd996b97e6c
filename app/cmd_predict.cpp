// `actbench predict`: llvm-mca's cycles/value for each JIT and asm kernel on CPUs one may not have.
#include <fmt/core.h>

#include <fstream>
#include <memory>

#include "analysis/report.hpp"
#include "app/commands.hpp"
#include "benches/predict.hpp"

namespace actbench::app {

int run_predict(const bench::PredictOptions& opt, const std::string& json_out, bool print) {
  const auto doc = bench::run_predictions(opt);
  if (print) {
    for (const auto& k : doc["kernels"]) {
      std::string cells;
      for (const auto& [t, p] : k["predictions"].items())
        cells += p.contains("error") ? fmt::format("  {} error", t) : fmt::format("  {} {:.3f}", t, p["cycles_per_value"].get<double>());
      fmt::print("{:<58}{}\n", k["kernel"].get<std::string>(), cells);
    }
    for (const auto& s : doc["skipped"])
      fmt::print("{:<58}  skipped: {}\n", s["kernel"].get<std::string>(), s["reason"].get<std::string>());
    fmt::print("(cycles/value predicted by {})\n", doc["llvm_mca"].get<std::string>());
  }
  if (!json_out.empty()) analysis::write_text(json_out, doc.dump(2) + "\n");
  return 0;
}

void add_predict(CLI::App& app, Action& action) {
  struct Args {
    bench::PredictOptions opt;
    std::string json;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("predict", "Predict cycles/value of JIT and asm kernels with llvm-mca for several CPUs");
  cmd->add_option("-k,--kernel", a->opt.selectors, "Kernel name, group or glob; repeatable; default every JIT and asm kernel");
  cmd->add_option("--mcpu", a->opt.targets,
                  "llvm-mca -mcpu target, repeatable; default skylake-avx512, icelake-server, sapphirerapids, znver4 "
                  "(AVX2 and SSE kernels also haswell, skylake, znver3) and this CPU's");
  cmd->add_option("--llvm-mca", a->opt.llvm_mca, "The llvm-mca executable (default: ACTBENCH_LLVM_MCA, llvm-mca-19, llvm-mca)");
  cmd->add_option("--json", a->json, "Also write predictions.json here");
  cmd->callback([&action, a] { action = [a] { return run_predict(a->opt, a->json, true); }; });
}

}  // namespace actbench::app
