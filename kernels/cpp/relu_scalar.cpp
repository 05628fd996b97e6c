#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>

#include "kernels/cpp/cpp_kernels.hpp"
#include "kernels/reference.hpp"

namespace actbench::cpp {

// Written as a branch on the sign bit; the compiler is free to if-convert or vectorise it, and
// `actbench disasm` shows what it chose. The asm and JIT kernels pin the branch down.
void relu_f32_signbit_branch(const float* in, float* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    const float x = in[i];
    if (std::bit_cast<std::uint32_t>(x) >> 31)
      out[i] = 0.0f;
    else
      out[i] = x;
  }
}

// bits & ~(bits >> 31, arithmetic): all-ones mask for negative inputs clears the value.
void relu_f32_signbit_mask(const float* in, float* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    const auto bits = std::bit_cast<std::int32_t>(in[i]);
    out[i] = std::bit_cast<float>(bits & ~(bits >> 31));
  }
}

// std::max(x, 0) is (x < 0) ? 0 : x: NaN and -0 compare false and come through unchanged.
void relu_f32_stdmax(const float* in, float* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) out[i] = std::max(in[i], 0.0f);
}

void relu_f64_fmax(const double* in, double* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) out[i] = std::fmax(in[i], 0.0);
}

void relu_f64_signbit_branch(const double* in, double* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    const double x = in[i];
    if (std::bit_cast<std::uint64_t>(x) >> 63)
      out[i] = 0.0;
    else
      out[i] = x;
  }
}

void relu_f32_ref(const float* in, float* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) out[i] = relu_ref(in[i]);
}

}  // namespace actbench::cpp
