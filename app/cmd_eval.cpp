// actbench eval <kernel>: apply one kernel to values from a file or stdin.
#include <fmt/core.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <stdexcept>

#include "app/commands.hpp"
#include "kernels/registry.hpp"

namespace actbench::app {
namespace {

struct EvalOptions {
  std::string kernel, input = "-", output = "-";
  bool binary = false;
};

std::string read_all(const std::string& path) {
  if (path == "-") return {std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open input file '" + path + "'");
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_all(const std::string& path, const std::string& data) {
  if (path == "-") {
    std::cout.write(data.data(), static_cast<std::streamsize>(data.size()));
    std::cout.flush();
    return;
  }
  std::ofstream out(path, std::ios::binary);
  if (!out || !out.write(data.data(), static_cast<std::streamsize>(data.size())))
    throw std::runtime_error("cannot write output file '" + path + "'");
}

// Accepts what strtod accepts (decimal, hex floats, inf, nan), surrounded by white space.
template <class T>
std::vector<T> parse_text(const std::string& text, const std::string& source) {
  std::vector<T> values;
  std::istringstream in(text);
  std::string line;
  std::size_t lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) continue;  // blank lines carry no value
    const auto last = line.find_last_not_of(" \t\r");
    const std::string tok = line.substr(first, last - first + 1);
    errno = 0;
    char* end = nullptr;
    const T v = sizeof(T) == 4 ? static_cast<T>(std::strtof(tok.c_str(), &end)) : static_cast<T>(std::strtod(tok.c_str(), &end));
    if (end == tok.c_str() || *end != '\0')
      throw std::runtime_error(fmt::format("{}: line {}: '{}' is not a number", source, lineno, tok));
    values.push_back(v);  // out-of-range input saturates to inf or 0, as strtod does
  }
  return values;
}

template <class T, class Fn>
int run_eval(const Kernel& k, Fn fn, const EvalOptions& o) {
  const std::string source = o.input == "-" ? "stdin" : o.input;
  const std::string raw = read_all(o.input);
  std::vector<T> values;
  if (o.binary) {
    if (raw.size() % sizeof(T) != 0)
      throw std::runtime_error(fmt::format("{}: {} bytes is not a whole number of {}-byte {} values", source,
                                           raw.size(), sizeof(T), to_string(k.dtype())));
    values.resize(raw.size() / sizeof(T));
    std::memcpy(values.data(), raw.data(), raw.size());
  } else {
    values = parse_text<T>(raw, source);
  }
  std::vector<T> out(values.size());
  fn(values.data(), out.data(), values.size());
  std::string data;
  if (o.binary) {
    data.assign(reinterpret_cast<const char*>(out.data()), out.size() * sizeof(T));
  } else {
    for (T v : out) data += fmt::format("{}\n", v);  // shortest text that reads back to the same value
  }
  write_all(o.output, data);
  return 0;
}

}  // namespace

void add_eval(CLI::App& app, Action& action) {
  auto o = std::make_shared<EvalOptions>();
  auto* cmd = app.add_subcommand("eval", "Apply one kernel to values read as text (one per line) or raw binary");
  cmd->add_option("kernel", o->kernel, "Full kernel name, e.g. relu/f32/cpp/scalar/signbit-mask")->required();
  cmd->add_option("-i,--input", o->input, "Input file, '-' for stdin")->capture_default_str();
  cmd->add_option("-o,--output", o->output, "Output file, '-' for stdout")->capture_default_str();
  cmd->add_flag("--binary", o->binary, "Raw little-endian values of the kernel's dtype instead of text");
  cmd->callback([&action, o] {
    action = [o] {
      const Kernel* k = Registry::instance().find(o->kernel);
      if (!k) throw std::runtime_error("unknown kernel '" + o->kernel + "' (`actbench list` shows the names)");
      const KernelFn fn = k->get();
      return k->dtype() == DType::f32 ? run_eval<float>(*k, fn.f32, *o) : run_eval<double>(*k, fn.f64, *o);
    };
  });
}

}  // namespace actbench::app
