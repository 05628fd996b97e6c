// A report as a list of blocks (headings, paragraphs, tables, plots), written once and rendered
// twice: Markdown for reading in a repository, one self-contained HTML file for a browser. The
// report and the comparison both build one of these, so they look and behave alike.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace actbench::analysis {

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> numeric;  // per column: right-aligned, sorted as numbers in the HTML
  std::string note;           // printed under the table: source and noise of its figures

  Table& columns(std::vector<std::string> names, std::vector<bool> is_numeric = {});
  Table& row(std::vector<std::string> cells);
};

struct Block {
  enum class Kind { heading, text, table, plot } kind;
  std::string text;   // heading or paragraph (inline `code` allowed), plot caption
  Table table;
  std::string svg;    // plot: inline SVG; empty if the plot could not be made
  std::string file;   // plot: the SVG's path relative to the document, for Markdown
};

class Document {
 public:
  explicit Document(std::string title) : title_(std::move(title)) {}
  Document& heading(std::string text);
  Document& text(std::string paragraph);
  Document& table(Table t);
  Document& plot(std::string caption, std::string svg, std::string file);

  std::string markdown() const;
  // One file: inline SVG, inline CSS, and a small script that makes the tables sortable and
  // marks <body data-ready> when it finished (the headless-browser check reads it).
  std::string html() const;

 private:
  std::string title_;
  std::vector<Block> blocks_;
};

std::string html_escape(std::string_view s);
// Figures: 4 significant digits, "-" when absent.
std::string fmt_num(double v);
std::string fmt_ratio(double v);  // "1.23x"

}  // namespace actbench::analysis
