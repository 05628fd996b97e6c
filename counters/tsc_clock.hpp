// The calibrated core clock: where no PMU gives core cycles, TSC ticks are converted to core
// cycles by timing a dependent chain of 1-cycle adds (uarch-bench's method). The chain is timed
// at two lengths and the difference used, so the timer's own overhead cancels.
#pragma once

#include <x86intrin.h>

#include <cstdint>

namespace actbench::counters {

// rdtsc fenced so that the timed code can neither start before the first read nor still be
// running at the second.
inline std::uint64_t tsc_begin() {
  _mm_lfence();
  const std::uint64_t t = __rdtsc();
  _mm_lfence();
  return t;
}
inline std::uint64_t tsc_end() {
  unsigned aux;
  const std::uint64_t t = __rdtscp(&aux);
  _mm_lfence();
  return t;
}

// TSC frequency in Hz, measured once against CLOCK_MONOTONIC_RAW over about 50 ms.
double tsc_hz();

// Known-answer chains, timed in TSC ticks: `blocks` blocks of 100 dependent instructions.
std::uint64_t time_add_chain(std::uint64_t blocks);   // add r64, r64: 1 cycle each on x86-64 cores
std::uint64_t time_imul_chain(std::uint64_t blocks);  // imul r64, r64: 3 cycles each

// Which clock a region runs at. Cores lower their clock while they run 512-bit floating-point
// work (Intel's AVX-512 licences); a scalar add chain then reads the higher, scalar clock. On the
// development VM, zmm FMA and max chains read 4.23 cycles where they take 4, and 4.00 when the
// clock is taken under the same load.
enum class ClockLoad {
  scalar,      // the add chain alone
  avx512_fp,   // the add chain with independent zmm FMAs beside it (one per 4 adds): the clock of
               // 512-bit floating-point code; needs AVX-512F to run
};
const char* to_string(ClockLoad l);
// The add chain under that load: `blocks` blocks of 100 dependent adds, in TSC ticks.
std::uint64_t time_add_chain(std::uint64_t blocks, ClockLoad load);

struct ClockCalibration {
  double cycles_per_tick = 0;  // core cycles per TSC tick (median of the trials)
  double spread = 0;           // (max - min) / median over the trials
  double core_hz = 0;          // cycles_per_tick * tsc_hz
  int trials = 0;
};

// Times the add chain (under `load`) at N and 2N blocks `trials` times. About 0.2 ms per trial by default.
ClockCalibration calibrate_core_clock(int trials = 7, std::uint64_t blocks = 2000, ClockLoad load = ClockLoad::scalar);

// Cycles per instruction of a chain measured through the calibrated clock (N/2N difference):
// what a test uses to check the clock against the known 1 (add) and 3 (imul).
double chain_cycles_per_instruction(bool imul, const ClockCalibration& cal, std::uint64_t blocks = 2000);

}  // namespace actbench::counters
