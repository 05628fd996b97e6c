// actbench disasm <kernel>: the code a JIT kernel runs, and its instructions per value.
#include <fmt/core.h>

#include "app/commands.hpp"
#include "jit/main_loop.hpp"
#include "kernels/registry.hpp"

namespace actbench::app {
namespace {

std::string loop_summary(const Kernel& k, const std::string& listing) {
  const auto loop = jit::main_loop_of_listing(k, listing);
  if (!loop) return "no loop found in the listing";
  const std::size_t count = loop->body.size();
  return fmt::format("main loop {}: {} instructions per iteration, {} values per iteration: {:.3f} instructions per value",
                     loop->label, count, loop->values_per_iteration, static_cast<double>(count) / loop->values_per_iteration);
}

}  // namespace

void add_disasm(CLI::App& app, Action& action) {
  auto name = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("disasm", "Print the code a JIT kernel runs (asmjit's log), with its main loop's instructions per value");
  cmd->add_option("kernel", *name, "Full kernel name (JIT kernels; see `actbench list`)")->required();
  cmd->callback([&action, name] {
    action = [name] {
      const Kernel* k = Registry::instance().find(*name);
      if (!k) throw std::runtime_error("unknown kernel '" + *name + "' (`actbench list` shows the names)");
      // Generating is safe for any ISA; only running needs the CPU to support it.
      const KernelFn fn = k->inspect();
      if (fn.listing.empty())
        throw std::runtime_error(*name + " is compiled ahead of time, not generated: see its source in kernels/ or "
                                 "objdump -d build/release/kernels/libactbench_kernels.a");
      fmt::print("; {}\n; {}\n; {}\n{}", k->name(), k->description(), loop_summary(*k, fn.listing), fn.listing);
      if (!k->supported()) {
        std::string miss;
        for (const auto& f : (k->required() - host_features()).names()) miss += (miss.empty() ? "" : ",") + f;
        fmt::print("; generated only: this machine lacks {} and never runs it\n", miss);
      }
      return 0;
    };
  });
}

}  // namespace actbench::app
