#include <cmath>

#include "kernels/cpp/cpp_kernels.hpp"
#include "kernels/reference.hpp"

namespace actbench::cpp {

void sigmoid_f32_libm(const float* in, float* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) out[i] = 1.0f / (1.0f + std::exp(-in[i]));
}

// Evaluated in double and rounded once: the lesson's "switch to doubles", applied to f32 data.
void sigmoid_f32_libm_f64(const float* in, float* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<float>(1.0 / (1.0 + std::exp(-static_cast<double>(in[i]))));
}

// sigmoid(x) = (1 + tanh(x/2)) / 2. Accurate near 1, but for negative x it subtracts two numbers
// close to 1 and loses all relative accuracy: its bound is absolute only.
void sigmoid_f32_libm_tanh(const float* in, float* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) out[i] = 0.5f + 0.5f * std::tanh(0.5f * in[i]);
}

void sigmoid_f64_libm(const double* in, double* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) out[i] = 1.0 / (1.0 + std::exp(-in[i]));
}

void sigmoid_f64_libm_tanh(const double* in, double* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) out[i] = 0.5 + 0.5 * std::tanh(0.5 * in[i]);
}

void sigmoid_f32_ref(const float* in, float* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) out[i] = sigmoid_ref(in[i]);
}

}  // namespace actbench::cpp
