#include "analysis/document.hpp"

#include <fmt/core.h>

#include <cmath>
#include <stdexcept>

namespace actbench::analysis {

Table& Table::columns(std::vector<std::string> names, std::vector<bool> is_numeric) {
  header = std::move(names);
  numeric = std::move(is_numeric);
  numeric.resize(header.size(), false);
  return *this;
}

Table& Table::row(std::vector<std::string> cells) {
  if (cells.size() != header.size())
    throw std::logic_error(fmt::format("table row has {} cells for {} columns", cells.size(), header.size()));
  rows.push_back(std::move(cells));
  return *this;
}

Document& Document::heading(std::string text) {
  blocks_.push_back({Block::Kind::heading, std::move(text), {}, {}, {}});
  return *this;
}
Document& Document::text(std::string paragraph) {
  blocks_.push_back({Block::Kind::text, std::move(paragraph), {}, {}, {}});
  return *this;
}
Document& Document::table(Table t) {
  blocks_.push_back({Block::Kind::table, {}, std::move(t), {}, {}});
  return *this;
}
Document& Document::plot(std::string caption, std::string svg, std::string file) {
  blocks_.push_back({Block::Kind::plot, std::move(caption), {}, std::move(svg), std::move(file)});
  return *this;
}

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string fmt_num(double v) {
  if (std::isnan(v)) return "-";
  if (v == 0) return "0";
  const double a = std::fabs(v);
  if (a >= 1000) return fmt::format("{:.0f}", v);
  if (a >= 100) return fmt::format("{:.1f}", v);
  if (a >= 10) return fmt::format("{:.2f}", v);
  if (a >= 1) return fmt::format("{:.3f}", v);
  return fmt::format("{:.4f}", v);
}

std::string fmt_ratio(double v) { return std::isnan(v) ? "-" : fmt::format("{:.2f}x", v); }

namespace {

// Markdown table cells cannot hold a pipe.
std::string md_cell(const std::string& s) {
  std::string out;
  for (char c : s) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

// Paragraph text: escape, then `code` spans.
std::string html_inline(const std::string& s) {
  std::string out;
  bool code = false;
  for (char c : s) {
    if (c == '`') {
      out += code ? "</code>" : "<code>";
      code = !code;
    } else {
      out += html_escape(std::string_view(&c, 1));
    }
  }
  if (code) out += "</code>";
  return out;
}

constexpr const char* kStyle = R"(
body{font-family:system-ui,sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;color:#222}
h1{font-size:1.6em}h2{font-size:1.25em;margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5em 0;font-size:.88em}
th,td{border:1px solid #ddd;padding:.2em .5em}th{background:#f3f3f3;cursor:pointer;user-select:none}
td.n{text-align:right;font-variant-numeric:tabular-nums}tr:nth-child(even){background:#fafafa}
p.note{font-size:.85em;color:#555;margin-top:0}code{background:#f3f3f3;padding:0 .2em}
figure{margin:1em 0}figcaption{font-size:.9em;color:#444}svg{max-width:100%;height:auto}
)";

// Sorts a table by a clicked header (numbers as numbers, "-" last); records any error in the body
// so a headless check can see it even where the console is not captured.
constexpr const char* kScript = R"(
window.addEventListener('error', function (e) {
  document.body.setAttribute('data-errors', (document.body.getAttribute('data-errors') || '') + e.message + ';');
});
document.addEventListener('DOMContentLoaded', function () {
  var tables = document.querySelectorAll('table.sortable');
  tables.forEach(function (table) {
    var heads = table.querySelectorAll('th');
    heads.forEach(function (th, col) {
      th.addEventListener('click', function () {
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var numeric = th.getAttribute('data-numeric') === '1';
        var dir = th.getAttribute('data-dir') === 'asc' ? -1 : 1;
        heads.forEach(function (h) { h.removeAttribute('data-dir'); });
        th.setAttribute('data-dir', dir === 1 ? 'asc' : 'desc');
        rows.sort(function (a, b) {
          var x = a.cells[col].textContent, y = b.cells[col].textContent;
          if (numeric) {
            var fx = parseFloat(x), fy = parseFloat(y);
            if (isNaN(fx)) return 1;
            if (isNaN(fy)) return -1;
            return dir * (fx - fy);
          }
          return dir * x.localeCompare(y);
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
  document.body.setAttribute('data-ready', String(tables.length));
});
)";

}  // namespace

std::string Document::markdown() const {
  std::string out = "# " + title_ + "\n";
  for (const Block& b : blocks_) {
    switch (b.kind) {
      case Block::Kind::heading: out += "\n## " + b.text + "\n"; break;
      case Block::Kind::text: out += "\n" + b.text + "\n"; break;
      case Block::Kind::table: {
        const Table& t = b.table;
        out += "\n|";
        for (const auto& h : t.header) out += " " + md_cell(h) + " |";
        out += "\n|";
        for (std::size_t i = 0; i < t.header.size(); ++i) out += t.numeric[i] ? "---:|" : "---|";
        out += "\n";
        for (const auto& r : t.rows) {
          out += "|";
          for (const auto& c : r) out += " " + md_cell(c) + " |";
          out += "\n";
        }
        if (t.rows.empty()) out += "\n(no rows)\n";
        if (!t.note.empty()) out += "\n" + t.note + "\n";
        break;
      }
      case Block::Kind::plot:
        out += b.svg.empty() ? "\n" + b.text + "\n" : "\n![" + b.text + "](" + b.file + ")\n\n" + b.text + "\n";
        break;
    }
  }
  return out;
}

std::string Document::html() const {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + html_escape(title_) +
                    "</title>\n<style>" + kStyle + "</style>\n<script>" + kScript + "</script></head>\n<body>\n<h1>" +
                    html_escape(title_) + "</h1>\n";
  for (const Block& b : blocks_) {
    switch (b.kind) {
      case Block::Kind::heading: out += "<h2>" + html_inline(b.text) + "</h2>\n"; break;
      case Block::Kind::text: out += "<p>" + html_inline(b.text) + "</p>\n"; break;
      case Block::Kind::table: {
        const Table& t = b.table;
        out += "<table class=\"sortable\"><thead><tr>";
        for (std::size_t i = 0; i < t.header.size(); ++i)
          out += fmt::format("<th data-numeric=\"{}\">{}</th>", t.numeric[i] ? 1 : 0, html_escape(t.header[i]));
        out += "</tr></thead><tbody>\n";
        for (const auto& r : t.rows) {
          out += "<tr>";
          for (std::size_t i = 0; i < r.size(); ++i)
            out += (t.numeric[i] ? "<td class=\"n\">" : "<td>") + html_escape(r[i]) + "</td>";
          out += "</tr>\n";
        }
        out += "</tbody></table>\n";
        if (!t.note.empty()) out += "<p class=\"note\">" + html_inline(t.note) + "</p>\n";
        break;
      }
      case Block::Kind::plot:
        if (b.svg.empty())
          out += "<p class=\"note\">" + html_inline(b.text) + "</p>\n";
        else
          out += "<figure>" + b.svg + "<figcaption>" + html_inline(b.text) + "</figcaption></figure>\n";
        break;
    }
  }
  out += "</body></html>\n";
  return out;
}

}  // namespace actbench::analysis
