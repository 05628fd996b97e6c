#include "analysis/run.hpp"

#include <set>

namespace actbench::analysis {

namespace fs = std::filesystem;

namespace {
std::string key(const std::string& kernel, const std::string& mode, const std::string& dist, const std::string& ws) {
  return kernel + "|" + mode + "|" + dist + "|" + ws;
}
}  // namespace

Run load_run(const fs::path& dir) {
  if (!fs::is_directory(dir)) throw SchemaError(dir, "", "not a folder (expected results/<machine>/<timestamp>/)");
  Run r;
  r.dir = dir;
  // "results/m/ts/" and "results/m/ts" name the same run.
  fs::path norm = fs::absolute(dir).lexically_normal();
  if (norm.filename().empty()) norm = norm.parent_path();
  r.bench = load_bench(dir / "bench.json");
  if (fs::exists(dir / "machine.json")) r.machine_json = load_machine(dir / "machine.json");
  if (fs::exists(dir / "accuracy.json")) r.accuracy = load_accuracy(dir / "accuracy.json");
  if (fs::exists(dir / "instructions.json")) r.instructions = load_instructions(dir / "instructions.json");
  if (fs::exists(dir / "predictions.json")) r.predictions = load_predictions(dir / "predictions.json");
  if (fs::exists(dir / "duel.json")) r.duels = load_duels(dir / "duel.json");
  if (fs::exists(dir / "fleet.json")) {
    r.fleet = read_json(dir / "fleet.json");
    if (!r.fleet->is_object() || r.fleet->value("kind", "") != "actbench.fleet")
      throw SchemaError(dir / "fleet.json", "kind", "expected \"actbench.fleet\"");
    if (!r.fleet->contains("exclusive") || !(*r.fleet)["exclusive"].is_boolean())
      throw SchemaError(dir / "fleet.json", "exclusive", "missing or not true/false");
  }
  r.machine = r.machine_json ? r.machine_json->value("slug", std::string())
                             : r.bench.context.value("actbench_machine", std::string());
  if (r.machine.empty()) r.machine = norm.parent_path().filename().string();
  r.label = r.machine + "/" + norm.filename().string();
  for (std::size_t i = 0; i < r.bench.records.size(); ++i) {
    const BenchRecord& b = r.bench.records[i];
    if (b.skipped || b.out_offset) continue;
    r.index_.emplace(key(b.kernel, b.mode, b.dist, b.working_set), i);
  }
  if (r.accuracy)
    for (std::size_t i = 0; i < r.accuracy->records.size(); ++i) r.accuracy_index_.emplace(r.accuracy->records[i].kernel, i);
  return r;
}

const BenchRecord* Run::find(const std::string& kernel, const std::string& mode, const std::string& dist,
                             const std::string& working_set) const {
  auto it = index_.find(key(kernel, mode, dist, working_set));
  return it == index_.end() ? nullptr : &bench.records[it->second];
}

const AccuracyRecord* Run::accuracy_of(const std::string& kernel) const {
  auto it = accuracy_index_.find(kernel);
  return it == accuracy_index_.end() ? nullptr : &accuracy->records[it->second];
}

std::vector<std::string> Run::kernels() const {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto& b : bench.records)
    if (!b.skipped && find(b.kernel, "throughput") && seen.insert(b.kernel).second) out.push_back(b.kernel);
  return out;
}

std::string Run::cycles_source() const {
  const std::string ctx = bench.context.value("cycles_source", std::string());
  if (!ctx.empty()) return ctx;
  std::set<std::string> s;
  for (const auto& b : bench.records)
    if (!b.skipped) s.insert(b.cycles_source);
  std::string out;
  for (const auto& x : s) out += (out.empty() ? "" : ", ") + x;
  return out.empty() ? "unknown" : out;
}

}  // namespace actbench::analysis
