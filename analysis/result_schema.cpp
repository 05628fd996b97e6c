#include "analysis/result_schema.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>

namespace actbench::analysis {

using nlohmann::json;

SchemaError::SchemaError(const std::filesystem::path& file, const std::string& field, const std::string& why)
    : std::runtime_error(file.string() + (field.empty() ? "" : ": field '" + field + "'") + ": " + why) {}

json read_json(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw SchemaError(file, "", "cannot open the file");
  std::stringstream ss;
  ss << in.rdbuf();
  try {
    return json::parse(ss.str());
  } catch (const json::parse_error& e) {
    throw SchemaError(file, "", std::string("not valid JSON (truncated or corrupt?): ") + e.what());
  }
}

namespace {

int check_version(const std::filesystem::path& file, const json& j, const std::string& field) {
  int v = 0;
  if (j.is_string()) {
    try {
      v = std::stoi(j.get<std::string>());
    } catch (...) {
      throw SchemaError(file, field, "not a number");
    }
  } else if (j.is_number_integer()) {
    v = j.get<int>();
  } else {
    throw SchemaError(file, field, "missing: is this an actbench result file?");
  }
  if (v < 1 || v > kSchemaVersion)
    throw SchemaError(file, field,
                      "version " + std::to_string(v) + " is not one this actbench reads (1.." +
                          std::to_string(kSchemaVersion) + ")");
  return v;
}

template <class T>
T field(const std::filesystem::path& file, const json& obj, const std::string& where, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end()) throw SchemaError(file, where + key, "missing");
  try {
    return it->get<T>();
  } catch (const json::exception&) {
    throw SchemaError(file, where + key, std::string("has the wrong type (") + it->type_name() + ")");
  }
}

// Version 1 files do not say which level a size is; every sweep used the same four levels, so
// per element size the distinct sizes in increasing order are L1, L2, L3, DRAM.
void infer_working_sets(std::vector<BenchRecord>& records) {
  std::map<std::string, std::vector<std::size_t>> sizes;  // by dtype
  auto dtype = [](const BenchRecord& r) { return r.kernel.substr(r.kernel.find('/') + 1, 3); };
  for (const auto& r : records) sizes[dtype(r)].push_back(r.n);
  for (auto& [_, v] : sizes) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
  }
  for (auto& r : records) {
    const auto& v = sizes[dtype(r)];
    const std::size_t i = std::lower_bound(v.begin(), v.end(), r.n) - v.begin();
    r.working_set = v.size() <= std::size(kWorkingSetLevels) ? kWorkingSetLevels[i] : "ws" + std::to_string(i + 1);
  }
}

// An actbench document: a JSON object of the given kind, a version this reader knows, and the
// array under `rows` (each element an object); returns the document, sets the version.
json open_document(const std::filesystem::path& file, const std::string& kind, const char* rows, int* version) {
  json j = read_json(file);
  if (!j.is_object()) throw SchemaError(file, "", "expected a JSON object");
  *version = check_version(file, j.value("schema_version", json()), "schema_version");
  if (j.value("kind", "") != kind) throw SchemaError(file, "kind", "expected \"" + kind + "\"");
  const json r = field<json>(file, j, "", rows);
  if (!r.is_array()) throw SchemaError(file, rows, "not an array");
  for (std::size_t i = 0; i < r.size(); ++i)
    if (!r[i].is_object()) throw SchemaError(file, std::string(rows) + "[" + std::to_string(i) + "]", "not an object");
  return j;
}

}  // namespace

std::optional<BenchRecord> parse_bench_name(const std::string& name) {
  BenchRecord r;
  r.name = name;
  auto take = [&](const std::string& key, std::string& out) {
    const std::string tag = "/" + key + ":";
    const auto p = name.find(tag);
    if (p == std::string::npos) return false;
    const auto start = p + tag.size();
    out = name.substr(start, name.find('/', start) - start);
    return !out.empty();
  };
  std::string n;
  if (!take("mode", r.mode) || !take("n", n) || !take("dist", r.dist)) return std::nullopt;
  try {
    r.n = std::stoull(n);
  } catch (...) {
    return std::nullopt;
  }
  std::string offset;
  if (take("offset", offset)) {
    try {
      r.out_offset = std::stoull(offset);
    } catch (...) {
      return std::nullopt;
    }
  }
  r.kernel = name.substr(0, name.find("/mode:"));
  return r;
}

BenchFile load_bench(const std::filesystem::path& file) {
  const json j = read_json(file);
  if (!j.is_object()) throw SchemaError(file, "", "expected a JSON object");
  BenchFile b;
  auto ctx = j.find("context");
  if (ctx == j.end() || !ctx->is_object()) throw SchemaError(file, "context", "missing: not a Google Benchmark JSON file");
  b.context = *ctx;
  b.schema_version = check_version(file, ctx->value("actbench_schema_version", json()), "context.actbench_schema_version");
  auto benches = j.find("benchmarks");
  if (benches == j.end() || !benches->is_array()) throw SchemaError(file, "benchmarks", "missing or not an array");
  for (std::size_t i = 0; i < benches->size(); ++i) {
    const json& e = (*benches)[i];
    const std::string where = "benchmarks[" + std::to_string(i) + "].";
    if (!e.is_object()) throw SchemaError(file, where, "not an object");
    // Aggregates (mean/median/stddev over --benchmark_repetitions) repeat the per-run figures.
    if (e.value("run_type", "iteration") == "aggregate") continue;
    const std::string name = field<std::string>(file, e, where, "name");
    if (name.rfind("calib/", 0) == 0) {
      CalibRecord c;
      c.name = name;
      if (e.value("error_occurred", false)) {
        c.skipped = true;
        c.skip_reason = e.value("error_message", std::string("skipped"));
      } else {
        c.cycles_per_instruction = field<double>(file, e, where, "cycles_per_instruction");
        c.cv = field<double>(file, e, where, "cycles_per_instruction_cv");
        if (e.contains("expected_cycles")) c.expected = field<double>(file, e, where, "expected_cycles");
      }
      b.calibration.push_back(std::move(c));
      continue;
    }
    auto rec = parse_bench_name(name);
    if (!rec) throw SchemaError(file, where + "name", "'" + name + "' is not <kernel>/mode:<m>/n:<n>/dist:<d>");
    if (e.value("error_occurred", false)) {
      rec->skipped = true;
      rec->skip_reason = e.value("error_message", std::string("skipped"));
    } else {
      rec->cycles_per_value = field<double>(file, e, where, "cycles_per_value");
      rec->cycles_per_value_min = field<double>(file, e, where, "cycles_per_value_min");
      rec->cv = field<double>(file, e, where, "cycles_per_value_cv");
      rec->noisy = field<double>(file, e, where, "noisy") != 0.0;
      rec->clock_unstable = e.value("clock_unstable", 0.0) != 0.0;  // absent before this flag existed
      rec->bytes = e.value("bytes", 0.0);
      if (e.contains("declared_max_ulp")) rec->declared_max_ulp = field<double>(file, e, where, "declared_max_ulp");
      const std::string label = field<std::string>(file, e, where, "label");
      rec->cycles_source = label.rfind("cycles:", 0) == 0 ? label.substr(7) : label;
      rec->core_ghz = e.value("core_ghz", 0.0);
      rec->latency_in_register = e.value("latency_in_register", 0.0) != 0.0;
      if (e.contains("latency_overhead_cycles"))
        rec->latency_overhead = field<double>(file, e, where, "latency_overhead_cycles");
      if (e.contains("ipc")) rec->ipc = field<double>(file, e, where, "ipc");
      for (const auto& [key, value] : e.items()) {
        constexpr std::string_view suffix = "_per_value";
        if (key == "cycles_per_value" || key.size() <= suffix.size() ||
            key.compare(key.size() - suffix.size(), suffix.size(), suffix) != 0 || !value.is_number())
          continue;
        rec->per_value[key.substr(0, key.size() - suffix.size())] = value.get<double>();
      }
    }
    if (b.schema_version >= 2 && (!rec->skipped || e.contains("working_set_level"))) {
      const double level = field<double>(file, e, where, "working_set_level");
      if (level < 1 || level > std::size(kWorkingSetLevels) || level != static_cast<int>(level))
        throw SchemaError(file, where + "working_set_level", "expected 1 (L1) to 4 (DRAM)");
      rec->working_set = kWorkingSetLevels[static_cast<int>(level) - 1];
    }
    b.records.push_back(std::move(*rec));
  }
  if (b.schema_version < 2) infer_working_sets(b.records);
  return b;
}

PredictionsFile load_predictions(const std::filesystem::path& file) {
  PredictionsFile f;
  const json j = open_document(file, "actbench.predictions", "kernels", &f.schema_version);
  f.llvm_mca = field<std::string>(file, j, "", "llvm_mca");
  f.this_cpu_mcpu = field<std::string>(file, j, "", "this_cpu_mcpu");
  const json& rows = j["kernels"];
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const json& r = rows[i];
    const std::string where = "kernels[" + std::to_string(i) + "].";
    PredictionRecord p;
    p.kernel = field<std::string>(file, r, where, "kernel");
    p.values_per_iteration = field<int>(file, r, where, "values_per_iteration");
    p.instructions_per_iteration = field<int>(file, r, where, "instructions_per_iteration");
    p.loop = r.value("loop", std::vector<std::string>());
    const json preds = field<json>(file, r, where, "predictions");
    for (const auto& [target, v] : preds.items()) {
      Prediction x;
      if (v.contains("error")) {
        x.error = v.value("error", std::string());
      } else {
        x.cycles_per_value = field<double>(file, v, where + "predictions." + target + ".", "cycles_per_value");
        x.bottleneck = v.value("bottleneck", std::string());
      }
      p.by_target[target] = x;
    }
    f.records.push_back(std::move(p));
  }
  return f;
}

InstructionsFile load_instructions(const std::filesystem::path& file) {
  InstructionsFile f;
  const json j = open_document(file, "actbench.instructions", "instructions", &f.schema_version);
  f.microarchitecture = field<std::string>(file, j, "", "microarchitecture");
  f.published_column = field<std::string>(file, j, "", "published_column");
  f.published_source = j.value("published_source", std::string());
  f.cycles_source = field<std::string>(file, j, "", "cycles_source");
  const json& rows = j["instructions"];
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const json& r = rows[i];
    const std::string where = "instructions[" + std::to_string(i) + "].";
    InstructionRecord x;
    x.name = field<std::string>(file, r, where, "name");
    x.instruction = field<std::string>(file, r, where, "instruction");
    x.width = field<std::string>(file, r, where, "width");
    x.kind = field<std::string>(file, r, where, "kind");
    x.cycles = field<double>(file, r, where, "cycles");
    x.cv = field<double>(file, r, where, "cv");
    x.note = r.value("note", std::string());
    x.published = field<std::map<std::string, double>>(file, r, where, "published");
    f.records.push_back(std::move(x));
  }
  for (const auto& s : j.value("skipped", json::array())) f.skipped.emplace_back(s.value("name", "?"), s.value("reason", "?"));
  return f;
}

AccuracyFile load_accuracy(const std::filesystem::path& file) {
  AccuracyFile a;
  const json j = open_document(file, "actbench.accuracy", "kernels", &a.schema_version);
  a.inputs = field<std::string>(file, j, "", "inputs");
  a.seconds = field<double>(file, j, "", "seconds");
  const json& kernels = j["kernels"];
  for (std::size_t i = 0; i < kernels.size(); ++i) {
    const json& k = kernels[i];
    const std::string where = "kernels[" + std::to_string(i) + "].";
    AccuracyRecord r;
    r.kernel = field<std::string>(file, k, where, "name");
    const json normal = field<json>(file, k, where, "normal_results");
    const json denormal = field<json>(file, k, where, "denormal_or_zero_results");
    r.max_ulp = field<double>(file, normal, where + "normal_results.", "max_ulp");
    r.max_abs = std::max(field<double>(file, normal, where + "normal_results.", "max_abs"),
                         field<double>(file, denormal, where + "denormal_or_zero_results.", "max_abs"));
    r.within_declared = field<bool>(file, k, where, "within_declared");
    r.nan_against_policy = field<std::size_t>(file, k, where, "nan_against_policy");
    r.verdict = k.value("verdict", std::string());
    a.records.push_back(std::move(r));
  }
  return a;
}

const DuelRecord* DuelGroup::find(const std::string& kernel) const {
  for (const auto& k : kernels)
    if (k.kernel == kernel) return &k;
  return nullptr;
}

DuelFile load_duels(const std::filesystem::path& file) {
  DuelFile d;
  const json j = open_document(file, "actbench.duel", "groups", &d.schema_version);
  const json& groups = j["groups"];
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const std::string gw = "groups[" + std::to_string(g) + "].";
    DuelGroup grp;
    grp.op = field<std::string>(file, groups[g], gw, "op");
    const json ks = field<json>(file, groups[g], gw, "kernels");
    if (!ks.is_array() || ks.size() < 2) throw SchemaError(file, gw + "kernels", "expected an array of at least two kernels");
    for (std::size_t i = 0; i < ks.size(); ++i) {
      const std::string w = gw + "kernels[" + std::to_string(i) + "].";
      grp.kernels.push_back({field<std::string>(file, ks[i], w, "kernel"), field<double>(file, ks[i], w, "ratio_median"),
                             field<double>(file, ks[i], w, "ratio_p10"), field<double>(file, ks[i], w, "ratio_p90")});
    }
    d.groups.push_back(std::move(grp));
  }
  return d;
}

json load_machine(const std::filesystem::path& file) {
  json j = read_json(file);
  if (!j.is_object()) throw SchemaError(file, "", "expected a JSON object");
  check_version(file, j.value("schema_version", json()), "schema_version");
  if (j.value("kind", "") != "actbench.machine") throw SchemaError(file, "kind", "expected \"actbench.machine\"");
  field<json>(file, j, "", "cpu");
  field<json>(file, j, "", "clock");
  return j;
}

}  // namespace actbench::analysis
