// Input distributions. Deterministic (fixed seed) so two runs measure the same data.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace actbench::bench {

enum class Dist { uniform };

const char* to_string(Dist d);
std::optional<Dist> parse_dist(const std::string& s);
std::vector<Dist> all_dists();

template <class T>
void fill(T* data, std::size_t n, Dist d, unsigned seed = 12345);

}  // namespace actbench::bench
