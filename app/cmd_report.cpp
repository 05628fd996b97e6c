// `actbench report <run>` and `actbench compare <run> <run>...`: files only, no kernels run.
#include <fmt/core.h>

#include <memory>

#include "analysis/compare.hpp"
#include "analysis/report.hpp"
#include "app/commands.hpp"

namespace actbench::app {

namespace fs = std::filesystem;

int write_run_report(const std::string& run_dir, bool plots) {
  analysis::ReportOptions opt;
  opt.plots = plots;
  const auto res = analysis::write_report(run_dir, opt);
  fmt::print(stderr, "actbench: report of {}: {} files (report.md, report.html, figures.csv{})\n", run_dir,
             res.files.size(), res.plots_note.empty() ? ", plots/" : "");
  if (!res.plots_note.empty()) fmt::print(stderr, "actbench: {}\n", res.plots_note);
  return 0;
}

void add_report(CLI::App& app, Action& action) {
  struct Args {
    std::string dir;
    bool plots = true;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand(
      "report", "Write report.md, report.html (plots inline), figures.csv and plots/ into a results run");
  cmd->add_option("run-dir", a->dir, "A results/<machine>/<timestamp>/ folder")->required()->check(CLI::ExistingDirectory);
  cmd->add_flag("!--no-plots", a->plots, "Tables only (what happens anyway without gnuplot)");
  cmd->footer("Reads the run's files only. The report files are derived: a new report of a run replaces its older "
              "one; the measurements are never touched.");
  cmd->callback([&action, a] { action = [a] { return write_run_report(a->dir, a->plots); }; });
}

void add_compare(CLI::App& app, Action& action) {
  struct Args {
    std::vector<std::string> dirs;
    std::string out, baseline;
    std::vector<std::string> predicted;
    bool plots = true;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("compare", "Compare runs side by side: compare.md, compare.html, compare.csv");
  cmd->add_option("run-dirs", a->dirs, "Two or more results/<machine>/<timestamp>/ folders")
      ->required()
      ->expected(2, 1000)
      ->check(CLI::ExistingDirectory);
  cmd->add_option("-o,--out", a->out, "Output folder (default: results/comparisons/<UTC timestamp>); never overwritten");
  cmd->add_option("-b,--baseline", a->baseline,
                  "The run the ratios are taken to: its number (1 = first), folder, <machine>/<timestamp> or machine "
                  "name; default the first");
  cmd->add_flag("!--no-plots", a->plots, "Tables only");
  cmd->add_option("--predicted", a->predicted,
                  "llvm-mca -mcpu targets to add as predicted columns for CPUs with no run (comma separated; from the "
                  "runs' predictions.json), e.g. znver4,skylake-avx512")
      ->delimiter(',');
  cmd->callback([&action, a] {
    action = [a] {
      const std::string out = a->out.empty() ? (fs::path("results") / "comparisons" / utc_stamp()).string() : a->out;
      std::vector<fs::path> dirs(a->dirs.begin(), a->dirs.end());
      const auto res = analysis::write_comparison(dirs, out, a->baseline, a->plots, a->predicted);
      fmt::print("compared {} runs on {} shared kernels\n", dirs.size(), res.comparison.shared.size());
      for (const auto& w : res.comparison.warnings) fmt::print("warning: {}\n", w);
      for (std::size_t i = 0; i < dirs.size(); ++i)
        if (!res.comparison.only_in[i].empty())
          fmt::print("run {} has {} kernels not in every run (listed in compare.md)\n", i + 1, res.comparison.only_in[i].size());
      if (!res.plots_note.empty()) fmt::print("{}\n", res.plots_note);
      fmt::print("wrote {}/compare.md, compare.html, compare.csv\n", out);
      return 0;
    };
  });
}

}  // namespace actbench::app
