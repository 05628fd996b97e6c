#include "analysis/contenders.hpp"

#include <map>

#include "kernels/kernel_name.hpp"

namespace actbench::analysis {

std::vector<Contenders> ours_vs_peers(const BenchFile& b) {
  std::map<std::string, const BenchRecord*> l1;  // kernel -> its uniform throughput record at the smallest n
  for (const auto& r : b.records) {
    if (r.skipped || r.clock_unstable || r.mode != "throughput" || r.dist != "uniform" || r.out_offset) continue;
    const BenchRecord*& slot = l1[r.kernel];
    if (!slot || r.n < slot->n) slot = &r;
  }
  std::map<std::string, Contenders> by_op;
  for (const auto& [kernel, r] : l1) {
    const auto name = parse_kernel_name(kernel);
    if (!name || name->impl == Impl::ref) continue;
    const std::string op = name->op_key();
    Contenders& c = by_op[op];
    c.op = op;
    auto faster = [&](const BenchRecord* cur) { return !cur || r->cycles_per_value < cur->cycles_per_value; };
    if (name->impl == Impl::peer) {
      if (faster(c.peer)) c.peer = r;
      continue;
    }
    if (faster(c.ours)) c.ours = r;
    auto within = [&](double ulp) { return name->op == Op::relu || (r->declared_max_ulp && *r->declared_max_ulp <= ulp); };
    if (within(4) && faster(c.ours_4ulp)) c.ours_4ulp = r;
    if (within(2) && faster(c.ours_2ulp)) c.ours_2ulp = r;
  }
  std::vector<Contenders> out;
  for (auto& [op, c] : by_op)
    if (c.ours) out.push_back(c);
  return out;
}

std::vector<ContenderRow> rows_of(const Contenders& c) {
  std::vector<ContenderRow> rows = {{c.ours, 0}};
  if (c.op.rfind("sigmoid", 0) != 0) return rows;
  if (c.ours_4ulp && c.ours_4ulp != c.ours) rows.push_back({c.ours_4ulp, 4});
  if (c.ours_2ulp && c.ours_2ulp != c.ours_4ulp) rows.push_back({c.ours_2ulp, 2});
  return rows;
}

std::optional<Paired> paired_speedup(const DuelFile& d, const std::string& op, const std::string& ours,
                                     const std::string& peer) {
  for (const auto& g : d.groups) {
    const DuelRecord *o = g.find(ours), *p = g.find(peer);
    if (g.op != op || !o || !p) continue;
    return Paired{p->ratio_median / o->ratio_median, p->ratio_median / o->ratio_p90, p->ratio_median / o->ratio_p10};
  }
  return std::nullopt;
}

}  // namespace actbench::analysis
