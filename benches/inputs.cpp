#include "benches/inputs.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

namespace actbench::bench {

namespace {
constexpr std::pair<Dist, const char*> kNames[] = {
    {Dist::uniform, "uniform"},         {Dist::positive, "positive"},       {Dist::negative, "negative"},
    {Dist::random_sign, "random-sign"}, {Dist::alternating, "alternating"}, {Dist::denormal, "denormal"},
    {Dist::saturating, "saturating"},
};
}  // namespace

const char* to_string(Dist d) {
  for (const auto& [v, name] : kNames)
    if (v == d) return name;
  return "?";
}

std::optional<Dist> parse_dist(const std::string& s) {
  for (const auto& [v, name] : kNames)
    if (s == name) return v;
  return std::nullopt;
}

std::vector<Dist> all_dists() {
  std::vector<Dist> out;
  for (const auto& [v, name] : kNames) out.push_back(v);
  return out;
}

template <class T>
void fill(T* data, std::size_t n, Dist d, unsigned seed) {
  std::mt19937_64 rng(seed);
  auto uniform = [&](T lo, T hi) { return std::uniform_real_distribution<T>(lo, hi)(rng); };
  std::bernoulli_distribution coin(0.5);
  const T dmin = std::numeric_limits<T>::denorm_min(), nmin = std::numeric_limits<T>::min();
  for (std::size_t i = 0; i < n; ++i) {
    switch (d) {
      case Dist::uniform: data[i] = uniform(T(-8), T(8)); break;
      case Dist::positive: data[i] = std::nextafter(uniform(T(0), T(8)), T(9)); break;
      case Dist::negative: data[i] = -std::nextafter(uniform(T(0), T(8)), T(9)); break;
      case Dist::random_sign: data[i] = (coin(rng) ? 1 : -1) * uniform(T(0.5), T(8)); break;
      case Dist::alternating: data[i] = (i % 2 ? -1 : 1) * uniform(T(0.5), T(8)); break;
      case Dist::denormal: data[i] = (coin(rng) ? 1 : -1) * std::max(dmin, uniform(T(0), nmin)); break;
      case Dist::saturating: data[i] = (coin(rng) ? 1 : -1) * uniform(T(20), T(120)); break;
    }
  }
}

template void fill<float>(float*, std::size_t, Dist, unsigned);
template void fill<double>(double*, std::size_t, Dist, unsigned);

}  // namespace actbench::bench
