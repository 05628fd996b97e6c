#include <fmt/core.h>

#include <cmath>

#include <nlohmann/json.hpp>

#include "app/commands.hpp"
#include "kernels/registry.hpp"

namespace actbench::app {

namespace {

std::string missing_features(const Kernel& k) {
  std::string miss;
  for (const auto& name : (k.required() - host_features()).names()) miss += (miss.empty() ? "" : ",") + name;
  return miss;
}

std::string accuracy_text(const Accuracy& a) {
  if (a.exact) return "exact";
  std::string s = std::isinf(a.max_ulp) ? "no ULP bound" : fmt::format("<= {:g} ULP", a.max_ulp);
  if (!std::isinf(a.max_abs)) s += fmt::format(", abs <= {:.3g}", a.max_abs);
  return s;
}

nlohmann::json to_json(const Kernel& k) {
  const Accuracy& a = k.accuracy();
  nlohmann::json acc = {{"exact", a.exact}};
  acc["max_ulp"] = std::isinf(a.max_ulp) ? nlohmann::json() : nlohmann::json(a.max_ulp);
  acc["max_abs"] = std::isinf(a.max_abs) ? nlohmann::json() : nlohmann::json(a.max_abs);
  return {{"name", k.name()},
          {"op", to_string(k.op())},
          {"dtype", to_string(k.dtype())},
          {"impl", to_string(k.impl())},
          {"isa", to_string(k.isa())},
          {"method", k.method()},
          {"description", k.description()},
          {"required_features", k.required().names()},
          {"supported", k.supported()},
          {"missing_features", missing_features(k)},
          {"accuracy", acc},
          {"policy",
           {{"nan", to_string(k.policy().nan)},
            {"neg_zero", to_string(k.policy().neg_zero)},
            {"denormals", to_string(k.policy().denormals)},
            {"note", k.policy().note},
            {"nan_above", std::isinf(k.policy().nan_above) ? nlohmann::json() : nlohmann::json(k.policy().nan_above)},
            {"ulp_from", k.policy().ulp_from}}}};
}

}  // namespace

void add_list(CLI::App& app, Action& action) {
  auto* cmd = app.add_subcommand("list", "List every registered kernel and whether this machine can run it");
  auto json = std::make_shared<bool>(false);
  auto selectors = std::make_shared<std::vector<std::string>>();
  cmd->add_flag("--json", *json, "Print JSON: every field of every kernel");
  cmd->add_option("kernels", *selectors, "Kernel names, groups (relu/f32) or globs; default all");
  cmd->callback([&action, json, selectors] {
    action = [json, selectors] {
      const Registry& reg = Registry::instance();
      std::vector<const Kernel*> ks;
      if (selectors->empty())
        for (const auto& k : reg.all()) ks.push_back(&k);
      else
        ks = reg.select(*selectors);
      if (*json) {
        nlohmann::json out = {{"host_features", host_features().names()}, {"kernels", nlohmann::json::array()}};
        for (const Kernel* k : ks) out["kernels"].push_back(to_json(*k));
        fmt::print("{}\n", out.dump(2));
        return 0;
      }
      std::size_t w = 4;
      for (const Kernel* k : ks) w = std::max(w, k->name().size());
      fmt::print("{:<{}}  {:<22} {:<26} {}\n", "name", w, "runs here", "accuracy", "NaN / -0");
      std::size_t supported = 0;
      for (const Kernel* k : ks) {
        const std::string miss = missing_features(*k);
        supported += miss.empty();
        fmt::print("{:<{}}  {:<22} {:<26} {} / {}\n", k->name(), w, miss.empty() ? "yes" : "no (needs " + miss + ")",
                   accuracy_text(k->accuracy()), to_string(k->policy().nan), to_string(k->policy().neg_zero));
      }
      fmt::print("{} kernels, {} run on this machine\n", ks.size(), supported);
      return 0;
    };
  });
}

}  // namespace actbench::app
