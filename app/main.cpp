// actbench: a thin layer of subcommands over the libraries.
#include <fmt/core.h>

#include <exception>

#include "app/commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{
      "actbench: how many CPU cycles one value of ReLU and one value of sigmoid cost, per implementation, ISA and "
      "microarchitecture."};
  app.require_subcommand(1);
  actbench::app::Action action;
  actbench::app::add_list(app, action);
  actbench::app::add_eval(app, action);
  actbench::app::add_bench(app, action);
  actbench::app::add_summary(app, action);
  actbench::app::add_disasm(app, action);
  actbench::app::add_accuracy(app, action);
  actbench::app::add_counters(app, action);
  actbench::app::add_report(app, action);
  actbench::app::add_compare(app, action);
  actbench::app::add_cpu(app, action);
  actbench::app::add_instructions(app, action);
  actbench::app::add_predict(app, action);
  actbench::app::add_duel(app, action);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  try {
    return action();
  } catch (const std::exception& e) {
    fmt::print(stderr, "actbench: {}\n", e.what());
    return 2;
  }
}
