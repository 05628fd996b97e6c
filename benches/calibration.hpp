// Known-answer calibration benchmarks, calib/<instruction>-<width>/<lat|tput>: loops of one
// instruction whose cost is known, so a run shows at once whether this machine measures right.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace actbench::bench {

struct CalibrationCase {
  const char* instruction;
  const char* width;
  bool latency;
  double expected;  // cycles per instruction on Intel cores since Skylake; 0 = none published here
  const char* note = "";  // where a newer core is known to differ
};

// Registers every case this CPU can run (the rest are registered and skipped with the reason).
std::size_t register_calibration_benchmarks();

}  // namespace actbench::bench
