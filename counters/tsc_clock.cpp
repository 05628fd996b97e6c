#include "counters/tsc_clock.hpp"

#include <time.h>

#include <algorithm>
#include <vector>

namespace actbench::counters {
namespace {

#define ACTBENCH_REP10(x) x x x x x x x x x x
#define ACTBENCH_REP100(x) ACTBENCH_REP10(ACTBENCH_REP10(x))
#define ACTBENCH_REP25(x) ACTBENCH_REP10(x) ACTBENCH_REP10(x) x x x x x

std::uint64_t now_ns() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC_RAW, &ts);
  return static_cast<std::uint64_t>(ts.tv_sec) * 1000000000ull + ts.tv_nsec;
}

// Minimum over a few runs: interrupts only ever add time.
template <class F>
std::uint64_t min_of(int runs, F f) {
  std::uint64_t best = ~0ull;
  for (int i = 0; i < runs; ++i) best = std::min(best, f());
  return best;
}

}  // namespace

// The addend is a register, not an immediate: Golden Cove-class renamers fold chains of
// `add reg, imm` (measured here: 0.108 TSC ticks per add, about 9 adds per core cycle), which
// would make the "1-cycle" chain a 0.15-cycle one and the calibrated clock 6x too fast.
std::uint64_t time_add_chain(std::uint64_t blocks) {
  std::uint64_t acc = 0, count = blocks;
  const std::uint64_t one = 1;
  const std::uint64_t t0 = tsc_begin();
  __asm__ volatile(
      "1:\n\t" ACTBENCH_REP100("add %[one], %[acc]\n\t") "dec %[count]\n\t"
      "jnz 1b\n\t"
      : [acc] "+r"(acc), [count] "+r"(count)
      : [one] "r"(one)
      : "cc");
  return tsc_end() - t0;
}

const char* to_string(ClockLoad l) { return l == ClockLoad::avx512_fp ? "avx512-fp" : "scalar"; }

std::uint64_t time_add_chain(std::uint64_t blocks, ClockLoad load) {
  if (load == ClockLoad::scalar) return time_add_chain(blocks);
  std::uint64_t acc = 0, count = blocks;
  const std::uint64_t one = 1;
  const std::uint64_t t0 = tsc_begin();
  // zmm0 += zmm1 * zmm1 with zmm1 = 0: never on the add chain's path, never a denormal. Blocks
  // of 100 adds, as the scalar chain, with 25 FMAs between them.
  __asm__ volatile(
      "vpxord %%zmm1, %%zmm1, %%zmm1\n\t"
      "vpxord %%zmm0, %%zmm0, %%zmm0\n\t"
      "1:\n\t" ACTBENCH_REP25("add %[one], %[acc]\n\tadd %[one], %[acc]\n\tadd %[one], %[acc]\n\t"
                                "add %[one], %[acc]\n\tvfmadd231ps %%zmm1, %%zmm1, %%zmm0\n\t")
      "dec %[count]\n\t"
      "jnz 1b\n\t"
      "vzeroupper\n\t"
      : [acc] "+r"(acc), [count] "+r"(count)
      : [one] "r"(one)
      : "cc", "xmm0", "xmm1");
  return tsc_end() - t0;
}

std::uint64_t time_imul_chain(std::uint64_t blocks) {
  std::uint64_t acc = 1, count = blocks;
  const std::uint64_t t0 = tsc_begin();
  __asm__ volatile(
      "1:\n\t" ACTBENCH_REP100("imul %[acc], %[acc]\n\t") "dec %[count]\n\t"
      "jnz 1b\n\t"
      : [acc] "+r"(acc), [count] "+r"(count)
      :
      : "cc");
  return tsc_end() - t0;
}

double tsc_hz() {
  static const double hz = [] {
    std::vector<double> rates;
    for (int i = 0; i < 5; ++i) {
      const std::uint64_t n0 = now_ns(), t0 = tsc_begin();
      while (now_ns() - n0 < 10'000'000) {
      }
      const std::uint64_t t1 = tsc_end(), n1 = now_ns();
      rates.push_back(static_cast<double>(t1 - t0) * 1e9 / static_cast<double>(n1 - n0));
    }
    std::sort(rates.begin(), rates.end());
    return rates[rates.size() / 2];
  }();
  return hz;
}

ClockCalibration calibrate_core_clock(int trials, std::uint64_t blocks, ClockLoad load) {
  std::vector<double> ratios;
  for (int i = 0; i < trials; ++i) {
    const std::uint64_t t1 = min_of(3, [&] { return time_add_chain(blocks, load); });
    const std::uint64_t t2 = min_of(3, [&] { return time_add_chain(2 * blocks, load); });
    const double cycles = 100.0 * static_cast<double>(blocks);  // the extra blocks' adds
    ratios.push_back(cycles / static_cast<double>(t2 > t1 ? t2 - t1 : 1));
  }
  std::sort(ratios.begin(), ratios.end());
  ClockCalibration c;
  c.trials = trials;
  c.cycles_per_tick = ratios[ratios.size() / 2];
  c.spread = (ratios.back() - ratios.front()) / c.cycles_per_tick;
  c.core_hz = c.cycles_per_tick * tsc_hz();
  return c;
}

double chain_cycles_per_instruction(bool imul, const ClockCalibration& cal, std::uint64_t blocks) {
  auto run = [&](std::uint64_t b) { return imul ? time_imul_chain(b) : time_add_chain(b); };
  const std::uint64_t t1 = min_of(5, [&] { return run(blocks); });
  const std::uint64_t t2 = min_of(5, [&] { return run(2 * blocks); });
  return static_cast<double>(t2 - t1) * cal.cycles_per_tick / (100.0 * static_cast<double>(blocks));
}

}  // namespace actbench::counters
