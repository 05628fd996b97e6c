#include "analysis/plots.hpp"

#include <fmt/core.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace actbench::analysis {

namespace fs = std::filesystem;

namespace {

std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

Plotter::Plotter() {
  const char* env = std::getenv("ACTBENCH_GNUPLOT");
  exe_ = env && *env ? env : "gnuplot";
  if (exe_ == "none") {
    why_not_ = "plots were skipped: ACTBENCH_GNUPLOT=none";
    return;
  }
  available_ = std::system(("command -v " + exe_ + " >/dev/null 2>&1").c_str()) == 0;
  if (!available_) why_not_ = "plots were skipped: gnuplot is not installed (Debian: gnuplot-nox; scripts/setup installs it)";
}

std::optional<std::string> Plotter::draw(const Plot& p, const fs::path& dir) {
  if (!available_) return std::nullopt;
  fs::create_directories(dir);
  const fs::path gp = dir / (p.name + ".gp"), svg = dir / (p.name + ".svg"), err = dir / (p.name + ".err");
  std::string s = "# actbench plot: gnuplot " + p.name + ".gp > " + p.name + ".svg\n";
  s += "set terminal svg size 900,520 dynamic noenhanced font 'sans,11' background rgb 'white'\n";
  s += "set title " + quote(p.title) + "\nset xlabel " + quote(p.xlabel) + "\nset ylabel " + quote(p.ylabel) + "\n";
  s += "set grid\nset key outside right top box\n";
  if (p.logx) s += "set logscale x\n";
  if (p.logy) s += "set logscale y\n";
  std::string plot_cmd;
  int index = 0;
  for (const Series& ser : p.series) {
    if (ser.xy.empty()) continue;
    const std::string block = fmt::format("$d{}", index++);
    s += block + " << EOD\n";
    for (const auto& [x, y] : ser.xy) s += fmt::format("{:.9g} {:.9g}\n", x, y);
    s += "EOD\n";
    plot_cmd += (plot_cmd.empty() ? "plot " : ", ") + block + " using 1:2 with " +
                (ser.line ? "linespoints" : "points") + " pointsize 1.1 title " + quote(ser.title);
  }
  if (plot_cmd.empty()) {
    why_not_ = "no data for plot " + p.name;
    return std::nullopt;
  }
  s += plot_cmd + "\n";
  std::ofstream(gp) << s;
  const std::string cmd = exe_ + " '" + gp.string() + "' > '" + svg.string() + "' 2> '" + err.string() + "'";
  const int rc = std::system(cmd.c_str());
  const std::string errors = read_file(err);
  fs::remove(err);
  std::string out = read_file(svg);
  if (rc != 0 || out.find("<svg") == std::string::npos) {
    why_not_ = fmt::format("gnuplot failed on {} (exit {}): {}", gp.string(), rc, errors.substr(0, 300));
    fs::remove(svg);
    return std::nullopt;
  }
  // Inline SVG in HTML takes the element alone, without the XML prolog and doctype.
  return out.substr(out.find("<svg"));
}

void PlotSink::add(Document& doc, const Plot& p, const std::string& caption) {
  std::optional<std::string> svg;
  if (!dir_.empty()) svg = plotter_.draw(p, dir_);
  if (svg) {
    doc.plot(caption, *svg, "plots/" + p.name + ".svg");
    return;
  }
  const std::string why = dir_.empty() ? "plots were skipped (--no-plots)" : plotter_.why_not();
  if (note_.empty()) note_ = why;
  doc.plot("Plot \"" + p.title + "\" not drawn: " + why + ".", "", "");
}

}  // namespace actbench::analysis
