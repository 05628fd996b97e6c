// actbench disasm <kernel>: the code a JIT kernel runs, and its instructions per value.
#include <fmt/core.h>

#include <regex>
#include <sstream>
#include <vector>

#include "app/commands.hpp"
#include "kernels/registry.hpp"

namespace actbench::app {
namespace {

// The main loop is the first one closed by a `jae` back to its label; each of its iterations
// handles unroll x lanes values (the unroll is the name's -u<N>, 1 without).
std::string loop_summary(const Kernel& k, const std::string& listing) {
  std::vector<std::string> lines;
  std::istringstream in(listing);
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  static const std::regex back_edge(R"(\bjae (L\d+))"), label(R"(^(L\d+):)");
  for (std::size_t end = 0; end < lines.size(); ++end) {
    std::smatch m;
    if (!std::regex_search(lines[end], m, back_edge)) continue;
    const std::string target = m[1];
    for (std::size_t begin = end; begin-- > 0;) {
      std::smatch lm;
      if (!std::regex_search(lines[begin], lm, label) || lm[1] != target) continue;
      std::size_t count = 0;
      for (std::size_t i = begin + 1; i <= end; ++i)
        if (!std::regex_search(lines[i], label) && lines[i].rfind("align", 0) != 0) ++count;
      const int esize = k.dtype() == DType::f32 ? 4 : 8;
      const int bytes = k.isa() == Isa::avx512f ? 64 : k.isa() == Isa::avx2 ? 32 : k.isa() == Isa::sse41 ? 16 : esize;
      std::smatch um;
      static const std::regex unroll(R"(-u(\d+)$)");
      const int u = std::regex_search(k.method(), um, unroll) ? std::stoi(um[1]) : 1;
      const int values = u * bytes / esize;
      return fmt::format("main loop {}: {} instructions per iteration, {} values per iteration: {:.3f} instructions per value",
                         target, count, values, static_cast<double>(count) / values);
    }
  }
  return "no loop found in the listing";
}

}  // namespace

void add_disasm(CLI::App& app, Action& action) {
  auto name = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("disasm", "Print the code a JIT kernel runs, with its instructions per value");
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
