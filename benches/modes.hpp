// The two ways a kernel is timed.
//  throughput: independent values streamed through the kernel, out of place, one call per array.
//  latency: each value depends on the previous result. A C++/JIT/asm array kernel is called on one
//    value at a time, the next input made from the last output (x ^ (bits(y) & 0), with the 0 read
//    from memory so the compiler cannot drop the dependency). The same loop around a 1-value
//    copy is timed beside it; that overhead (call, store-to-load forwarding, 2 integer ops) is
//    subtracted and reported as latency_overhead_cycles.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>

namespace actbench::bench {

enum class Mode { throughput, latency };

const char* to_string(Mode m);
std::optional<Mode> parse_mode(const std::string& s);

// Read once per chain from memory: the compiler cannot know it is zero.
extern volatile std::uint64_t g_zero_mask;

template <class T, class Fn>
T latency_chain(Fn f, const T* in, std::size_t n, T carry) {
  using U = std::conditional_t<sizeof(T) == 4, std::uint32_t, std::uint64_t>;
  const U mask = static_cast<U>(g_zero_mask);
  T y = carry;
  for (std::size_t i = 0; i < n; ++i) {
    const T x = std::bit_cast<T>(static_cast<U>(std::bit_cast<U>(in[i]) ^ (std::bit_cast<U>(y) & mask)));
    f(&x, &y, 1);
  }
  return y;
}

// The stand-in kernel for the overhead loop, reached through a pointer like a real kernel.
template <class T>
void copy_one(const T* in, T* out, std::size_t n);

}  // namespace actbench::bench
