// The kernel name grammar: <op>/<dtype>/<impl>/<isa>/<method>[-<params>], lower case.
// Names parse into columns without the registry, so analysis/ can read them from result files.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace actbench {

enum class Op { relu, sigmoid };
enum class DType { f32, f64 };
enum class Impl { ref, cpp, asm_, jit, peer };
enum class Isa { scalar, sse41, avx2, avx512f };

const char* to_string(Op v);
const char* to_string(DType v);
const char* to_string(Impl v);
const char* to_string(Isa v);

std::optional<Op> parse_op(std::string_view s);
std::optional<DType> parse_dtype(std::string_view s);
std::optional<Impl> parse_impl(std::string_view s);
std::optional<Isa> parse_isa(std::string_view s);

struct KernelName {
  Op op{};
  DType dtype{};
  Impl impl{};
  Isa isa{};
  std::string method;  // the method and its parameters, e.g. "exp-rr2-p5-rcpnr1-u2"

  std::string str() const;
  std::string op_key() const { return op_key_of(op, dtype); }  // "sigmoid/f32"
  static std::string op_key_of(Op op, DType dtype);
};

// Parses a full kernel name; on failure returns nullopt and, if error is given, says which part
// is wrong and what was expected.
std::optional<KernelName> parse_kernel_name(std::string_view name, std::string* error = nullptr);

}  // namespace actbench
