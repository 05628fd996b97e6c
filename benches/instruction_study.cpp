#include "benches/instruction_study.hpp"

#include <fmt/core.h>

#include <sstream>

#include "analysis/result_schema.hpp"
#include "benches/stats.hpp"
#include "counters/region.hpp"
#include "kernels/cpu_features.hpp"
#include "kernels/uarch.hpp"

namespace actbench::bench {

extern const char* const kPublishedTimingsCsv;

namespace {

std::vector<PublishedTiming> parse_timings(const std::string& text) {
  std::vector<PublishedTiming> out;
  std::istringstream in(text);
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (header) {  // uarch,instruction,width,latency,rthroughput
      header = false;
      continue;
    }
    std::vector<std::string> f;
    std::stringstream ls(line);
    for (std::string cell; std::getline(ls, cell, ',');) f.push_back(cell);
    if (f.size() < 5) throw std::logic_error("data/instruction-timings.csv: malformed line '" + line + "'");
    auto num = [](const std::string& s) { return s.empty() ? 0.0 : std::stod(s); };
    out.push_back({f[0], f[1], f[2], num(f[3]), num(f[4])});
  }
  return out;
}

// 200 blocks of 100 instructions per call, 40 calls per region: long enough that the clock has
// settled under the load (shorter regions read zmm throughputs up to 15% fast here).
constexpr std::uint64_t kBlocks = 200, kCalls = 40;

}  // namespace

InstructionTimer::InstructionTimer(const std::string& instruction, const std::string& width, jit::LoopKind kind)
    : loop_(jit::make_instruction_loop(instruction, width, kind)),
      load_(width == "zmm" && jit::is_avx512_fp(instruction) ? counters::ClockLoad::avx512_fp
                                                               : counters::ClockLoad::scalar) {
  loop_.fn(50 * kBlocks);  // warm-up, including the wide units
}

double InstructionTimer::sample() const {
  auto work = [this](std::uint64_t r) { loop_.fn(r * kBlocks); };
  return counters::measure_region(work, kCalls, nullptr, load_).cycles /
         static_cast<double>(kCalls * kBlocks * jit::InstructionLoop::kPerBlock);
}

const std::vector<PublishedTiming>& published_timings() {
  static const std::vector<PublishedTiming> t = parse_timings(kPublishedTimingsCsv);
  return t;
}

std::string published_timings_source() {
  std::istringstream in(kPublishedTimingsCsv);
  std::string line, out;
  while (std::getline(in, line) && !line.empty() && line[0] == '#') out += (out.empty() ? "" : " ") + line.substr(2);
  return out;
}

nlohmann::json run_instruction_study(const StudyOptions& opt, const std::function<void(const std::string&)>& progress) {
  using nlohmann::json;
  const Uarch uarch = identify_uarch(host_cpuid_dump());
  json doc = {{"schema_version", analysis::kSchemaVersion},
              {"kind", "actbench.instructions"},
              {"cycles_source", "tsc-calibrated"},
              {"microarchitecture", uarch.name},
              {"published_column", uarch.timings_column},
              {"published_source", published_timings_source()},
              {"method",
               "JIT loops of 100 copies per block, 200 blocks per call; a region of N and 2N calls with the "
               "difference taken; cycles from the calibrated clock, read under the same load (scalar, or 512-bit FP: "
               "clock avx512-fp); median of samples. lat: one chain through the "
               "destination; tput: round-robin over independent registers"}};
  json rows = json::array(), skipped = json::array();
  for (const jit::InstructionForm& form : jit::instruction_forms()) {
    for (const jit::LoopKind kind : {jit::LoopKind::latency, jit::LoopKind::throughput}) {
      if (kind == jit::LoopKind::latency && !form.latency) continue;
      const std::string k = kind == jit::LoopKind::latency ? "lat" : "tput";
      const std::string name = "instr/" + form.instruction + "/" + form.width + "/" + k;
      bool wanted = opt.filters.empty();
      for (const auto& f : opt.filters) wanted |= name.find(f) != std::string::npos;
      if (!wanted) continue;
      const FeatureSet missing = form.needs - host_features();
      if (!(missing == FeatureSet{})) {
        skipped.push_back({{"name", name}, {"reason", "needs " + missing.names().front() + ", which this CPU lacks"}});
        continue;
      }
      const InstructionTimer timer(form.instruction, form.width, kind);
      std::vector<double> cpi;
      for (int i = 0; i < opt.samples; ++i) cpi.push_back(timer.sample());
      const SampleStats s = summarize(cpi);
      json published = json::object();
      for (const auto& p : published_timings())
        if (p.instruction == form.instruction && p.width == form.width) {
          const double v = kind == jit::LoopKind::latency ? p.latency : p.rthroughput;
          if (v > 0) published[p.uarch] = v;
        }
      rows.push_back({{"name", name},
                      {"instruction", form.instruction},
                      {"width", form.width},
                      {"kind", k},
                      {"cycles", s.median},
                      {"cycles_min", s.min},
                      {"cv", s.cv},
                      {"samples", s.count},
                      {"note", form.note},
                      {"clock", counters::to_string(timer.load())},
                      {"published", published}});
      if (progress) progress(fmt::format("{:<34} {:>8.3f} cycles (CV {:.1f}%)", name, s.median, 100 * s.cv));
    }
  }
  doc["instructions"] = rows;
  doc["skipped"] = skipped;
  return doc;
}

}  // namespace actbench::bench
