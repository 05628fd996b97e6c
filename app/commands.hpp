// Each subcommand of `actbench` adds itself to the CLI here; main() only dispatches.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace actbench::app {

// A subcommand's action returns the process exit code.
using Action = std::function<int()>;

void add_list(CLI::App& app, Action& action);
void add_eval(CLI::App& app, Action& action);
void add_bench(CLI::App& app, Action& action);  // bench and run
void add_summary(CLI::App& app, Action& action);
void add_disasm(CLI::App& app, Action& action);
void add_counters(CLI::App& app, Action& action);

}  // namespace actbench::app
