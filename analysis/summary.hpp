// The short table `scripts/run` prints at the end of a run.
#pragma once

#include <filesystem>
#include <string>

namespace actbench::analysis {

// Reads <run>/bench.json (and machine.json if present) and returns the summary as text.
std::string run_summary(const std::filesystem::path& run_dir);

}  // namespace actbench::analysis
