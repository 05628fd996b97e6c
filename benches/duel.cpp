#include "benches/duel.hpp"

#include <algorithm>
#include <stdexcept>

#include "benches/buffers.hpp"
#include "benches/inputs.hpp"
#include "counters/tsc_clock.hpp"

namespace actbench::bench {
namespace {

double quantile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(q * static_cast<double>(v.size() - 1) + 0.5)];
}

template <class T>
std::vector<std::vector<double>> take_turns(const std::vector<const Kernel*>& ks, const DuelOptions& o) {
  Buffers<T> buf(o.n, o.out_offset);
  fill(buf.in(), o.n, Dist::uniform);
  std::vector<void (*)(const T*, T*, std::size_t)> fns;
  for (const Kernel* k : ks) {
    const KernelFn f = k->get();
    if constexpr (sizeof(T) == 4) fns.push_back(f.f32);
    else fns.push_back(f.f64);
  }
  std::vector<std::vector<double>> ticks(ks.size());
  for (int r = 0; r < o.rounds; ++r)
    for (std::size_t k = 0; k < ks.size(); ++k) {
      fns[k](buf.in(), buf.out(), o.n);  // its code and data back in cache after the other's turn
      const std::uint64_t t0 = counters::tsc_begin();
      for (int c = 0; c < o.calls; ++c) fns[k](buf.in(), buf.out(), o.n);
      const std::uint64_t t1 = counters::tsc_end();
      ticks[k].push_back(static_cast<double>(t1 - t0) / (static_cast<double>(o.calls) * static_cast<double>(o.n)));
    }
  return ticks;
}

}  // namespace

std::vector<DuelResult> duel(const std::vector<const Kernel*>& ks, const DuelOptions& o) {
  if (ks.size() < 2) throw std::invalid_argument("a duel needs at least two kernels");
  if (o.n == 0 || o.rounds < 1 || o.calls < 1) throw std::invalid_argument("duel: n, rounds and calls must be positive");
  for (const Kernel* k : ks) {
    if (!k->supported()) throw std::invalid_argument("kernel " + k->name() + " needs CPU features this machine lacks");
    if (k->dtype() != ks[0]->dtype())
      throw std::invalid_argument("kernels of one duel share a dtype: " + ks[0]->name() + " and " + k->name() + " do not");
  }
  const auto ticks = ks[0]->dtype() == DType::f32 ? take_turns<float>(ks, o) : take_turns<double>(ks, o);
  std::vector<DuelResult> out;
  for (std::size_t k = 0; k < ks.size(); ++k) {
    std::vector<double> ratio;
    for (std::size_t r = 0; r < ticks[k].size(); ++r) ratio.push_back(ticks[k][r] / ticks[0][r]);
    out.push_back({ks[k]->name(), quantile(ticks[k], 0.5), *std::min_element(ticks[k].begin(), ticks[k].end()),
                   quantile(ratio, 0.5), quantile(ratio, 0.1), quantile(ratio, 0.9)});
  }
  return out;
}

}  // namespace actbench::bench
