// Plots drawn by gnuplot into SVG. The data and the gnuplot script are written beside the SVG
// (<name>.gp), so a figure can be re-drawn or restyled by hand.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "analysis/document.hpp"

namespace actbench::analysis {

struct Series {
  std::string title;
  std::vector<std::pair<double, double>> xy;
  bool line = false;  // join the points (a sweep, a front) or only mark them
};

struct Plot {
  std::string name;  // file stem
  std::string title, xlabel, ylabel;
  bool logx = false, logy = false;
  std::vector<Series> series;
};

class Plotter {
 public:
  // Looks for gnuplot on PATH; `ACTBENCH_GNUPLOT` names another executable (or "none").
  Plotter();
  bool available() const { return available_; }
  const std::string& why_not() const { return why_not_; }
  // Writes <dir>/<name>.gp and <dir>/<name>.svg and returns the SVG text ready to inline in HTML,
  // or nullopt (with the reason in why_not) when gnuplot is absent or fails.
  std::optional<std::string> draw(const Plot& p, const std::filesystem::path& dir);

 private:
  std::string exe_;
  bool available_ = false;
  std::string why_not_;
};

// Draws a document's plots into one folder: each drawn plot goes into the document inline, each
// one that cannot be drawn leaves a line saying why. The report and the comparison share it.
class PlotSink {
 public:
  explicit PlotSink(std::filesystem::path dir) : dir_(std::move(dir)) {}  // empty dir: plots off
  void add(Document& doc, const Plot& p, const std::string& caption);
  const std::string& note() const { return note_; }  // the first reason a plot was not drawn

 private:
  Plotter plotter_;
  std::filesystem::path dir_;
  std::string note_;
};

}  // namespace actbench::analysis
