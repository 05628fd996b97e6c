// Each subcommand of `actbench` adds itself to the CLI here; main() only dispatches.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

#include "benches/predict.hpp"

namespace actbench::app {

// A subcommand's action returns the process exit code.
using Action = std::function<int()>;

void add_list(CLI::App& app, Action& action);
void add_eval(CLI::App& app, Action& action);
void add_bench(CLI::App& app, Action& action);  // bench and run
void add_summary(CLI::App& app, Action& action);
void add_disasm(CLI::App& app, Action& action);
void add_accuracy(CLI::App& app, Action& action);
void add_counters(CLI::App& app, Action& action);
void add_report(CLI::App& app, Action& action);
void add_compare(CLI::App& app, Action& action);
void add_cpu(CLI::App& app, Action& action);
void add_instructions(CLI::App& app, Action& action);
void add_predict(CLI::App& app, Action& action);
void add_duel(CLI::App& app, Action& action);

// Measures the instruction study; writes instructions.json when json_out is given.
int run_predict(const bench::PredictOptions& opt, const std::string& json_out, bool print);
int run_instructions(const std::vector<std::string>& filters, const std::string& json_out, bool print);

// The UTC timestamp that names runs and comparisons: 20261204T190241Z.
std::string utc_stamp();

// Times ours against the fastest peer per op in turns and writes <run>/duel.json.
int write_run_duels(const std::string& run_dir);

// Writes a run's report files; `actbench run` calls it at the end of a run.
int write_run_report(const std::string& run_dir, bool plots);

}  // namespace actbench::app

#include "benches/accuracy.hpp"

namespace actbench::app {
// Measures, prints (optionally) and writes accuracy.json; returns 1 if a kernel exceeds its bound.
int run_accuracy(const std::vector<std::string>& selectors, const bench::AccuracyOptions& opt, const std::string& json_out,
                 bool print_table);
}  // namespace actbench::app
