#include "kernels/kernel_name.hpp"

#include <array>
#include <utility>
#include <vector>

namespace actbench {
namespace {

template <class E, std::size_t N>
using Table = std::array<std::pair<E, const char*>, N>;

constexpr Table<Op, 2> kOps{{{Op::relu, "relu"}, {Op::sigmoid, "sigmoid"}}};
constexpr Table<DType, 2> kDTypes{{{DType::f32, "f32"}, {DType::f64, "f64"}}};
constexpr Table<Impl, 5> kImpls{
    {{Impl::ref, "ref"}, {Impl::cpp, "cpp"}, {Impl::asm_, "asm"}, {Impl::jit, "jit"}, {Impl::peer, "peer"}}};
constexpr Table<Isa, 4> kIsas{
    {{Isa::scalar, "scalar"}, {Isa::sse41, "sse41"}, {Isa::avx2, "avx2"}, {Isa::avx512f, "avx512f"}}};

template <class E, std::size_t N>
const char* name_of(const Table<E, N>& t, E v) {
  for (const auto& [e, s] : t)
    if (e == v) return s;
  return "?";
}

template <class E, std::size_t N>
std::optional<E> value_of(const Table<E, N>& t, std::string_view s) {
  for (const auto& [e, name] : t)
    if (s == name) return e;
  return std::nullopt;
}

template <class E, std::size_t N>
std::string choices(const Table<E, N>& t) {
  std::string out;
  for (const auto& [e, name] : t) out += (out.empty() ? "" : "|") + std::string(name);
  return out;
}

bool valid_method(std::string_view m) {
  if (m.empty() || m.front() == '-' || m.back() == '-') return false;
  for (char c : m)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) return false;
  return true;
}

}  // namespace

const char* to_string(Op v) { return name_of(kOps, v); }
const char* to_string(DType v) { return name_of(kDTypes, v); }
const char* to_string(Impl v) { return name_of(kImpls, v); }
const char* to_string(Isa v) { return name_of(kIsas, v); }
std::optional<Op> parse_op(std::string_view s) { return value_of(kOps, s); }
std::optional<DType> parse_dtype(std::string_view s) { return value_of(kDTypes, s); }
std::optional<Impl> parse_impl(std::string_view s) { return value_of(kImpls, s); }
std::optional<Isa> parse_isa(std::string_view s) { return value_of(kIsas, s); }

std::string KernelName::op_key_of(Op op, DType dtype) { return std::string(to_string(op)) + "/" + to_string(dtype); }

std::string KernelName::str() const { return op_key() + "/" + to_string(impl) + "/" + to_string(isa) + "/" + method; }

std::optional<KernelName> parse_kernel_name(std::string_view name, std::string* error) {
  auto fail = [&](std::string why) -> std::optional<KernelName> {
    if (error) *error = "'" + std::string(name) + "': " + why;
    return std::nullopt;
  };
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t slash = name.find('/', start);
    parts.push_back(name.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  if (parts.size() != 5)
    return fail("expected 5 parts <op>/<dtype>/<impl>/<isa>/<method>, got " + std::to_string(parts.size()));
  KernelName k;
  auto op = parse_op(parts[0]);
  if (!op) return fail("unknown op '" + std::string(parts[0]) + "' (" + choices(kOps) + ")");
  auto dt = parse_dtype(parts[1]);
  if (!dt) return fail("unknown dtype '" + std::string(parts[1]) + "' (" + choices(kDTypes) + ")");
  auto impl = parse_impl(parts[2]);
  if (!impl) return fail("unknown impl '" + std::string(parts[2]) + "' (" + choices(kImpls) + ")");
  auto isa = parse_isa(parts[3]);
  if (!isa) return fail("unknown isa '" + std::string(parts[3]) + "' (" + choices(kIsas) + ")");
  if (!valid_method(parts[4])) return fail("bad method '" + std::string(parts[4]) + "' (lower case, digits, '-', '.')");
  k.op = *op;
  k.dtype = *dt;
  k.impl = *impl;
  k.isa = *isa;
  k.method = std::string(parts[4]);
  return k;
}

}  // namespace actbench
