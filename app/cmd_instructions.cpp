// `actbench instructions`: latency and throughput of every instruction the kernels use.
#include <fmt/core.h>

#include <fstream>
#include <memory>

#include "analysis/report.hpp"
#include "app/commands.hpp"
#include "benches/instruction_study.hpp"

namespace actbench::app {

int run_instructions(const std::vector<std::string>& filters, const std::string& json_out, bool print) {
  bench::StudyOptions opt;
  opt.filters = filters;
  const auto doc = bench::run_instruction_study(opt, [print](const std::string& line) {
    if (print) fmt::print("{}\n", line);
  });
  if (print) {
    const std::string col = doc.value("published_column", std::string());
    fmt::print("\n{:<34} {:>8}  {:>9}  {}\n", "instruction (cycles; published: " + (col.empty() ? std::string("none") : col) + ")",
               "measured", "published", "");
    for (const auto& r : doc["instructions"]) {
      const auto& p = r["published"];
      std::string pub = "-", flag;
      if (!col.empty() && p.contains(col)) {
        const double v = p[col].get<double>(), m = r["cycles"].get<double>();
        pub = fmt::format("{:.3g}", v);
        if (std::abs(m / v - 1) > 0.10) flag = fmt::format("differs by {:+.0f}%", 100 * (m / v - 1));
      }
      fmt::print("{:<34} {:>8.3f}  {:>9}  {}\n", r["name"].get<std::string>(), r["cycles"].get<double>(), pub, flag);
    }
    for (const auto& s : doc["skipped"]) fmt::print("{:<34} skipped: {}\n", s["name"].get<std::string>(), s["reason"].get<std::string>());
  }
  if (!json_out.empty()) analysis::write_text(json_out, doc.dump(2) + "\n");
  return 0;
}

void add_instructions(CLI::App& app, Action& action) {
  struct Args {
    std::vector<std::string> filters;
    std::string json;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "instructions", "Measure latency and throughput of each instruction the kernels use (instr/<mnemonic>/<width>/<lat|tput>)");
  cmd->add_option("-f,--filter", a->filters, "Only names containing this text (repeatable), e.g. zmm or vdivps");
  cmd->add_option("--json", a->json, "Also write instructions.json here");
  cmd->footer("Published figures (data/instruction-timings.csv) for this CPU's microarchitecture stand beside the "
              "measured ones; differences over 10% are flagged. Forms this CPU lacks are listed as skipped.");
  cmd->callback([&action, a] { action = [a] { return run_instructions(a->filters, a->json, true); }; });
}

}  // namespace actbench::app
