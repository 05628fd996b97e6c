#include "benches/modes.hpp"

namespace actbench::bench {

volatile std::uint64_t g_zero_mask = 0;

const char* to_string(Mode m) { return m == Mode::throughput ? "throughput" : "latency"; }

std::optional<Mode> parse_mode(const std::string& s) {
  if (s == "throughput") return Mode::throughput;
  if (s == "latency") return Mode::latency;
  return std::nullopt;
}

template <class T>
__attribute__((noinline)) void copy_one(const T* in, T* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) out[i] = in[i];
}

template void copy_one<float>(const float*, float*, std::size_t);
template void copy_one<double>(const double*, double*, std::size_t);

}  // namespace actbench::bench
