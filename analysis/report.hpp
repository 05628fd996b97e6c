// `actbench report <run>`: report.md, report.html (plots inline), figures.csv and plots/ in the run.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "analysis/document.hpp"
#include "analysis/run.hpp"

namespace actbench::analysis {

struct ReportOptions {
  bool plots = true;  // false: tables only (as without gnuplot)
};

struct ReportResult {
  std::vector<std::filesystem::path> files;  // written
  std::string plots_note;                    // empty when every plot was drawn
};

// Builds the report document of a run; plots are drawn into plots_dir (empty: none).
Document build_report(const Run& run, const std::filesystem::path& plots_dir, std::string* plots_note);
// Every figure of a run, one row per benchmark, calibration and accuracy result.
std::string figures_csv(const Run& run);
// Loads <run_dir> and writes the report files into it (derived files: a new report replaces an
// older one of the same run; the measurements are never touched).
ReportResult write_report(const std::filesystem::path& run_dir, const ReportOptions& opt = {});

// Shared by report and compare: write a file or throw naming it.
void write_text(const std::filesystem::path& file, const std::string& text);

}  // namespace actbench::analysis
