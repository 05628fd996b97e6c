#include "benches/predict.hpp"

#include <fmt/core.h>
#include <link.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <unistd.h>

#include "analysis/result_schema.hpp"
#include "jit/main_loop.hpp"
#include "kernels/registry.hpp"
#include "kernels/uarch.hpp"

namespace actbench::bench {

namespace fs = std::filesystem;

namespace {

std::string capture(const std::string& cmd, int* status = nullptr) {
  std::string out;
  FILE* p = popen((cmd + " 2>&1").c_str(), "r");
  if (!p) return out;
  std::array<char, 4096> buf;
  for (std::size_t got; (got = fread(buf.data(), 1, buf.size(), p)) > 0;) out.append(buf.data(), got);
  const int st = pclose(p);
  if (status) *status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return out;
}

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  while (!s.empty() && s.front() == ' ') s.erase(0, 1);
  return s;
}

bool on_path(const std::string& exe) { return std::system(("command -v '" + exe + "' >/dev/null 2>&1").c_str()) == 0; }

// This executable's function symbols by file address, read once (nm), for the asm kernels.
class SymbolTable {
 public:
  // The symbol at a function's address in this process; empty if none.
  std::string at(const void* addr) {
    if (!loaded_) load();
    auto it = by_addr_.find(reinterpret_cast<std::uintptr_t>(addr) - base_);
    return it == by_addr_.end() ? std::string() : it->second;
  }

 private:
  void load() {
    loaded_ = true;
    dl_iterate_phdr(
        [](dl_phdr_info* i, std::size_t, void* out) {
          if (i->dlpi_name && *i->dlpi_name) return 0;  // the main executable has no name
          *static_cast<std::uintptr_t*>(out) = i->dlpi_addr;
          return 1;
        },
        &base_);
    std::istringstream in(capture(fmt::format("nm --defined-only /proc/{}/exe", ::getpid())));
    for (std::string line; std::getline(in, line);) {
      std::istringstream ls(line);
      std::string a, t, s;
      if (ls >> a >> t >> s) by_addr_.emplace(std::stoull(a, nullptr, 16), s);
    }
  }
  bool loaded_ = false;
  std::uintptr_t base_ = 0;
  std::map<std::uintptr_t, std::string> by_addr_;
};

// The ahead-of-time (asm) kernels: their code is in this executable; objdump prints the function.
std::optional<jit::MainLoop> asm_main_loop(const Kernel& k, const KernelFn& fn, SymbolTable& symbols, std::string* why) {
  const std::string symbol =
      symbols.at(fn.f32 ? reinterpret_cast<const void*>(fn.f32) : reinterpret_cast<const void*>(fn.f64));
  if (symbol.empty()) {
    *why = "its function has no symbol in this executable (is nm from binutils installed?)";
    return std::nullopt;
  }
  const std::string dis =
      capture(fmt::format("objdump -d -M intel --no-show-raw-insn --disassemble={} /proc/{}/exe", symbol, ::getpid()));
  auto loop = jit::main_loop_of_objdump(k, dis);
  if (!loop) *why = "no loop found in objdump's listing of " + symbol;
  return loop;
}

struct McaResult {
  double cycles_per_iteration = 0, block_rthroughput = 0;
  std::string bottleneck;
};

McaResult run_mca(const std::string& exe, const std::string& mcpu, const fs::path& input) {
  int status = 0;
  const std::string out = capture(fmt::format("'{}' -mtriple=x86_64-unknown-linux-gnu -mcpu={} -iterations=200 "
                                              "-bottleneck-analysis -timeline=false '{}'",
                                              exe, mcpu, input.string()),
                                  &status);
  if (status != 0) throw std::runtime_error(out.substr(0, 400));
  McaResult r;
  std::smatch m;
  double iterations = 0, total = 0;
  static const std::regex iterations_re(R"(Iterations:\s+(\d+))"), total_re(R"(Total Cycles:\s+(\d+))"),
      rthroughput_re(R"(Block RThroughput:\s+([0-9.]+))");
  if (std::regex_search(out, m, iterations_re)) iterations = std::stod(m[1]);
  if (std::regex_search(out, m, total_re)) total = std::stod(m[1]);
  if (std::regex_search(out, m, rthroughput_re)) r.block_rthroughput = std::stod(m[1]);
  if (iterations <= 0 || total <= 0) throw std::runtime_error("llvm-mca printed no cycle count: " + out.substr(0, 300));
  r.cycles_per_iteration = total / iterations;
  // "Throughput Bottlenecks: ... Resource Pressure [ 98.8% ] - SPRPort00 [ 98.8% ]" or "Data Dependencies [ ..% ]"
  std::string ports;
  static const std::regex port(R"(-\s+(\w+)\s+\[\s*([0-9.]+)%\s*\])");  // "- SPRPort00 [ 98.8% ]"
  const auto pos = out.find("Throughput Bottlenecks");
  if (pos != std::string::npos) {
    const std::string section = out.substr(pos, out.find("\n\n", pos) - pos);
    for (std::sregex_iterator it(section.begin(), section.end(), port), e; it != e; ++it)
      ports += (ports.empty() ? "" : ", ") + (*it)[1].str() + " " + (*it)[2].str() + "%";
    if (section.find("Data Dependencies") != std::string::npos && ports.empty()) ports = "data dependencies";
    r.bottleneck = ports.empty() ? "resource pressure" : ports;
  } else {
    r.bottleneck = "none reported (no backend pressure)";
  }
  return r;
}

}  // namespace

std::vector<std::string> default_targets(bool avx512) {
  if (avx512) return {"skylake-avx512", "icelake-server", "sapphirerapids", "znver4"};
  return {"haswell", "skylake", "icelake-server", "sapphirerapids", "znver3", "znver4"};
}

std::string find_llvm_mca(const std::string& wanted) {
  std::vector<std::string> candidates;
  if (!wanted.empty()) {  // named by the user: that one or none
    if (on_path(wanted)) return wanted;
    throw std::runtime_error("llvm-mca '" + wanted + "' was not found; on Debian install llvm-19 (scripts/setup "
                             "does) for llvm-mca-19. Predictions need it; everything else runs without.");
  }
  if (const char* env = std::getenv("ACTBENCH_LLVM_MCA"); env && *env) candidates.push_back(env);
  candidates.insert(candidates.end(), {"llvm-mca-19", "/usr/lib/llvm-19/bin/llvm-mca", "llvm-mca"});
  for (const auto& c : candidates)
    if (on_path(c)) return c;
  throw std::runtime_error("llvm-mca is not installed (tried " + candidates.front() +
                           (candidates.size() > 1 ? " and others" : "") +
                           "): on Debian install llvm-19 (scripts/setup does), or name one with --llvm-mca or "
                           "ACTBENCH_LLVM_MCA. Predictions need it; everything else runs without.");
}

nlohmann::json run_predictions(const PredictOptions& opt, const std::function<void(const std::string&)>& progress) {
  using nlohmann::json;
  const std::string exe = find_llvm_mca(opt.llvm_mca);
  const Uarch here = identify_uarch(host_cpuid_dump());
  std::vector<const Kernel*> kernels;
  if (opt.selectors.empty()) {
    for (const auto& k : Registry::instance().all()) kernels.push_back(&k);
  } else {
    kernels = Registry::instance().select(opt.selectors);
  }
  const fs::path tmp = fs::temp_directory_path() / fmt::format("actbench-mca-{}", ::getpid());
  fs::create_directories(tmp);
  json out = {{"schema_version", analysis::kSchemaVersion},
              {"kind", "actbench.predictions"},
              {"llvm_mca", exe + " (" + trim(capture("'" + exe + "' --version | grep -m1 -i version")) + ")"},
              {"this_cpu_mcpu", here.llvm_cpu},
              {"method", "the kernel's main loop (JIT listing, or objdump of the asm function) through llvm-mca with "
                         "200 iterations; cycles/value = total cycles / iterations / values per iteration"}};
  json rows = json::array(), skipped = json::array();
  SymbolTable symbols;
  for (const Kernel* k : kernels) {
    if (k->impl() != Impl::jit && k->impl() != Impl::asm_) continue;
    std::string why;
    std::optional<jit::MainLoop> loop;
    const KernelFn fn = k->inspect();
    if (k->impl() == Impl::jit) {
      loop = jit::main_loop_of_listing(*k, fn.listing);
      if (!loop) why = "no loop in its listing";
    } else {
      loop = asm_main_loop(*k, fn, symbols, &why);
    }
    if (!loop) {
      skipped.push_back({{"kernel", k->name()}, {"reason", why}});
      continue;
    }
    const auto call = std::find_if(loop->body.begin(), loop->body.end(),
                                   [](const std::string& l) { return l.rfind("call", 0) == 0; });
    if (call != loop->body.end()) {
      skipped.push_back({{"kernel", k->name()}, {"reason", "its loop calls a function (" + *call + "): llvm-mca cannot follow a call"}});
      continue;
    }
    std::string text = ".intel_syntax noprefix\nL0:\n";
    // llvm-mca follows no branch, so every jump may name the loop's label; constants addressed
    // through the JIT's pool become rip-relative.
    static const std::regex pool(R"(\[L\d+)"), jump(R"(^(?:short )?(j\w+)\s+.*$)");
    for (const auto& l : loop->body) text += std::regex_replace(std::regex_replace(l, pool, "[rip"), jump, "$1 L0") + "\n";
    const fs::path input = tmp / "loop.s";
    std::ofstream(input) << text;
    std::vector<std::string> targets = opt.targets.empty() ? default_targets(k->isa() == Isa::avx512f) : opt.targets;
    if (opt.targets.empty() && !here.llvm_cpu.empty() &&
        std::find(targets.begin(), targets.end(), here.llvm_cpu) == targets.end())
      targets.push_back(here.llvm_cpu);
    json preds = json::object();
    for (const auto& t : targets) {
      try {
        const McaResult r = run_mca(exe, t, input);
        preds[t] = {{"cycles_per_iteration", r.cycles_per_iteration},
                    {"cycles_per_value", r.cycles_per_iteration / loop->values_per_iteration},
                    {"block_rthroughput", r.block_rthroughput},
                    {"bottleneck", r.bottleneck}};
      } catch (const std::exception& e) {
        preds[t] = {{"error", e.what()}};
      }
    }
    rows.push_back({{"kernel", k->name()},
                    {"values_per_iteration", loop->values_per_iteration},
                    {"instructions_per_iteration", loop->body.size()},
                    {"loop", loop->body},
                    {"predictions", preds}});
    if (progress) progress(fmt::format("{}: {} targets", k->name(), preds.size()));
  }
  fs::remove_all(tmp);
  out["kernels"] = rows;
  out["skipped"] = skipped;
  return out;
}

}  // namespace actbench::bench
