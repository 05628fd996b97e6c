#include <xnnpack.h>

#include <limits>
#include <mutex>
#include <stdexcept>
#include <string>

#include "kernels/peers/peers.hpp"

namespace actbench::peers {
namespace {

void check(xnn_status s, const char* what) {
  if (s != xnn_status_success) throw std::runtime_error(std::string("XNNPACK ") + what + " failed (status " + std::to_string(s) + ")");
}

struct Operators {
  xnn_operator_t sigmoid = nullptr, relu = nullptr;
  Operators() {
    check(xnn_initialize(nullptr), "xnn_initialize");
    // One channel, unit strides: the batch is the whole array, processed as one contiguous run.
    check(xnn_create_sigmoid_nc_f32(1, 1, 1, 0, &sigmoid), "xnn_create_sigmoid_nc_f32");
    check(xnn_create_clamp_nc_f32(1, 1, 1, 0.0f, std::numeric_limits<float>::infinity(), 0, &relu),
          "xnn_create_clamp_nc_f32");
  }
};

Operators& ops() {
  static Operators o;
  return o;
}

}  // namespace

void xnnpack_sigmoid_f32(const float* in, float* out, std::size_t n) {
  if (n == 0) return;
  xnn_operator_t op = ops().sigmoid;
  check(xnn_setup_sigmoid_nc_f32(op, n, in, out, nullptr), "setup sigmoid");
  check(xnn_run_operator(op, nullptr), "run sigmoid");
}

void xnnpack_relu_f32(const float* in, float* out, std::size_t n) {
  if (n == 0) return;
  xnn_operator_t op = ops().relu;
  check(xnn_setup_clamp_nc_f32(op, n, in, out, nullptr), "setup clamp");
  check(xnn_run_operator(op, nullptr), "run clamp");
}

}  // namespace actbench::peers
