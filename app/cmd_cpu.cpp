// `actbench cpu`: which microarchitecture this CPU (or a recorded CPUID dump) is, and how that was decided.
#include <fmt/core.h>

#include <fstream>
#include <memory>

#include "app/commands.hpp"
#include "kernels/uarch.hpp"

namespace actbench::app {

void add_cpu(CLI::App& app, Action& action) {
  auto dump_file = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("cpu", "Identify the microarchitecture from CPUID (this CPU or a recorded dump)");
  cmd->add_option("--cpuid-dump", *dump_file,
                  "A recorded dump: lines '<leaf hex> <subleaf> <eax> <ebx> <ecx> <edx>' (see tests/data/cpuid/)")
      ->check(CLI::ExistingFile);
  cmd->callback([&action, dump_file] {
    action = [dump_file] {
      CpuidDump d;
      if (dump_file->empty()) {
        d = host_cpuid_dump();
      } else {
        std::ifstream in(*dump_file);
        d = parse_cpuid_dump(in, *dump_file);
      }
      const Uarch u = identify_uarch(d);
      fmt::print("microarchitecture: {}\nhow: {}\nllvm-mca -mcpu: {}\npublished timings column: {}\n", u.name, u.how,
                 u.llvm_cpu.empty() ? "(none)" : u.llvm_cpu, u.timings_column.empty() ? "(none)" : u.timings_column);
      for (const auto& l : d.leaves)
        fmt::print("cpuid {:08x} {} {:08x} {:08x} {:08x} {:08x}\n", l.leaf, l.subleaf, l.eax, l.ebx, l.ecx, l.edx);
      return 0;
    };
  });
}

}  // namespace actbench::app
