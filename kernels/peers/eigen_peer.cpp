#include <Eigen/Core>

#include "kernels/peers/peers.hpp"

namespace actbench::peers {

using Eigen::Index;

void eigen_sigmoid_f32(const float* in, float* out, std::size_t n) {
  Eigen::Map<Eigen::ArrayXf>(out, static_cast<Index>(n)) =
      Eigen::Map<const Eigen::ArrayXf>(in, static_cast<Index>(n)).logistic();
}

void eigen_relu_f32(const float* in, float* out, std::size_t n) {
  Eigen::Map<Eigen::ArrayXf>(out, static_cast<Index>(n)) =
      Eigen::Map<const Eigen::ArrayXf>(in, static_cast<Index>(n)).cwiseMax(0.0f);
}

void eigen_sigmoid_f64(const double* in, double* out, std::size_t n) {
  Eigen::Map<Eigen::ArrayXd>(out, static_cast<Index>(n)) =
      Eigen::Map<const Eigen::ArrayXd>(in, static_cast<Index>(n)).logistic();
}

}  // namespace actbench::peers
