#include "benches/inputs.hpp"

#include <random>

namespace actbench::bench {

const char* to_string(Dist d) {
  switch (d) {
    case Dist::uniform: return "uniform";
  }
  return "?";
}

std::optional<Dist> parse_dist(const std::string& s) {
  for (Dist d : all_dists())
    if (s == to_string(d)) return d;
  return std::nullopt;
}

std::vector<Dist> all_dists() { return {Dist::uniform}; }

template <class T>
void fill(T* data, std::size_t n, Dist d, unsigned seed) {
  std::mt19937_64 rng(seed);
  switch (d) {
    case Dist::uniform: {
      std::uniform_real_distribution<T> u(T(-8), T(8));
      for (std::size_t i = 0; i < n; ++i) data[i] = u(rng);
      break;
    }
  }
}

template void fill<float>(float*, std::size_t, Dist, unsigned);
template void fill<double>(double*, std::size_t, Dist, unsigned);

}  // namespace actbench::bench
