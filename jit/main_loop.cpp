#include "jit/main_loop.hpp"

#include <regex>
#include <sstream>

namespace actbench::jit {

int values_per_iteration(const Kernel& k) {
  const int esize = k.dtype() == DType::f32 ? 4 : 8;
  const int bytes = k.isa() == Isa::avx512f ? 64 : k.isa() == Isa::avx2 ? 32 : k.isa() == Isa::sse41 ? 16 : esize;
  std::smatch um;
  static const std::regex unroll(R"(-u(\d+)$)");
  const std::string method = k.method();
  const int u = std::regex_search(method, um, unroll) ? std::stoi(um[1]) : 1;
  return u * bytes / esize;
}

namespace {
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}
}  // namespace

std::optional<MainLoop> main_loop_of_listing(const Kernel& k, const std::string& listing) {
  const auto lines = lines_of(listing);
  static const std::regex back_edge(R"(\bj(ae|ne|nz|b|a|g|ge|l|le) (L\d+))"), label(R"(^(L\d+):)");
  for (std::size_t end = 0; end < lines.size(); ++end) {
    std::smatch m;
    if (!std::regex_search(lines[end], m, back_edge)) continue;
    const std::string target = m[2];
    for (std::size_t begin = end; begin-- > 0;) {
      std::smatch lm;
      if (!std::regex_search(lines[begin], lm, label) || lm[1] != target) continue;
      MainLoop loop{target, {}, values_per_iteration(k)};
      for (std::size_t i = begin + 1; i <= end; ++i) {
        std::string s = lines[i].substr(0, lines[i].find(';'));
        while (!s.empty() && s.back() == ' ') s.pop_back();
        if (s.empty() || std::regex_search(s, label) || s.rfind("align", 0) == 0) continue;
        loop.body.push_back(s);
      }
      return loop;
    }
  }
  return std::nullopt;
}

std::optional<MainLoop> main_loop_of_objdump(const Kernel& k, const std::string& objdump) {
  // "  17c0a0:\tvmovups zmm0,ZMMWORD PTR [rdi]" and "  17c130:\tjae    17c0a0 <sym+0x40>"
  static const std::regex insn(R"(^\s*([0-9a-f]+):\s+(.*\S)\s*$)"), jump(R"(^(j\w+)\s+([0-9a-f]+)\b)");
  std::vector<std::pair<unsigned long, std::string>> code;
  for (const auto& l : lines_of(objdump)) {
    std::smatch m;
    if (std::regex_match(l, m, insn)) code.emplace_back(std::stoul(m[1], nullptr, 16), m[2]);
  }
  for (std::size_t end = 0; end < code.size(); ++end) {
    std::smatch m;
    if (!std::regex_search(code[end].second, m, jump)) continue;
    const unsigned long target = std::stoul(m[2], nullptr, 16);
    if (target >= code[end].first) continue;
    MainLoop loop{"L0", {}, values_per_iteration(k)};
    for (std::size_t i = 0; i <= end; ++i) {
      if (code[i].first < target) continue;
      std::string s = code[i].second;
      if (s.rfind("nop", 0) == 0 || s.rfind("cs nop", 0) == 0 || s.rfind("data16", 0) == 0) continue;
      if (i == end) s = std::string(m[1]) + " L0";
      loop.body.push_back(s);
    }
    return loop;
  }
  return std::nullopt;
}

}  // namespace actbench::jit
