#include "jit/coefficients.hpp"

#include <cmath>
#include <numbers>
#include <stdexcept>

namespace actbench::jit {

namespace {

using LD = long double;

// Solves the small dense system A x = b (Gaussian elimination with partial pivoting).
std::vector<LD> solve(std::vector<std::vector<LD>> A, std::vector<LD> b) {
  const std::size_t n = b.size();
  for (std::size_t c = 0; c < n; ++c) {
    std::size_t p = c;
    for (std::size_t r = c + 1; r < n; ++r)
      if (std::fabs(A[r][c]) > std::fabs(A[p][c])) p = r;
    std::swap(A[c], A[p]);
    std::swap(b[c], b[p]);
    for (std::size_t r = c + 1; r < n; ++r) {
      const LD f = A[r][c] / A[c][c];
      for (std::size_t k = c; k < n; ++k) A[r][k] -= f * A[c][k];
      b[r] -= f * b[c];
    }
  }
  std::vector<LD> x(n);
  for (std::size_t i = n; i-- > 0;) {
    LD s = b[i];
    for (std::size_t k = i + 1; k < n; ++k) s -= A[i][k] * x[k];
    x[i] = s / A[i][i];
  }
  return x;
}

LD eval(const std::vector<double>& c, LD t) {
  LD q = 0;
  for (std::size_t k = c.size(); k-- > 0;) q = q * t + c[k];
  return 1 + t * q;
}

}  // namespace

std::vector<double> exp_poly_coefficients(int degree, double r, DType dtype, bool unit_linear) {
  if (degree < 1 || degree > 12) throw std::invalid_argument("exp polynomial degree must be 1..12");
  constexpr int kNodes = 600;
  std::vector<LD> t(kNodes), w(kNodes, 1.0L / kNodes);
  for (int i = 0; i < kNodes; ++i) t[i] = r * std::cos(std::numbers::pi_v<LD> * (i + 0.5L) / kNodes);
  // With unit_linear the unknowns are c[1..], fitted to e^t - 1 - t.
  const std::size_t fixed = unit_linear ? 1 : 0;
  const std::size_t d = static_cast<std::size_t>(degree) - fixed;
  if (d == 0) return {1.0};
  std::vector<LD> coef(d);
  for (int iter = 0; iter < 200; ++iter) {
    // Weighted least squares for relative error: minimise sum w (1 + t q(t) - e^t)^2 / e^2t.
    std::vector<std::vector<LD>> A(d, std::vector<LD>(d, 0));
    std::vector<LD> b(d, 0);
    for (int i = 0; i < kNodes; ++i) {
      const LD e = std::exp(t[i]), scale = 1 / e;
      std::vector<LD> phi(d);
      LD p = t[i] * scale;
      for (std::size_t k = 0; k < fixed; ++k) p *= t[i];
      for (std::size_t k = 0; k < d; ++k, p *= t[i]) phi[k] = p;
      const LD target = (e - 1 - (fixed ? t[i] : 0)) * scale;
      for (std::size_t j = 0; j < d; ++j) {
        b[j] += w[i] * phi[j] * target;
        for (std::size_t k = 0; k < d; ++k) A[j][k] += w[i] * phi[j] * phi[k];
      }
    }
    coef = solve(A, b);
    // Lawson's update: weight each node by its error, so the fit moves toward equal ripples.
    LD sum = 0;
    for (int i = 0; i < kNodes; ++i) {
      LD q = 0;
      for (std::size_t k = d; k-- > 0;) q = q * t[i] + coef[k];
      if (fixed) q = 1 + t[i] * q;
      const LD err = std::fabs((1 + t[i] * q - std::exp(t[i])) / std::exp(t[i]));
      w[i] *= err;
      sum += w[i];
    }
    if (sum == 0) break;
    for (LD& wi : w) wi /= sum;
  }
  std::vector<double> out(fixed, 1.0);
  for (std::size_t k = 0; k < d; ++k)
    out.push_back(dtype == DType::f32 ? static_cast<double>(static_cast<float>(coef[k])) : static_cast<double>(coef[k]));
  return out;
}

double exp_poly_max_rel_error(const std::vector<double>& c, double r) {
  LD worst = 0;
  for (int i = 0; i <= 20000; ++i) {
    const LD t = -r + 2 * r * i / 20000.0L;
    worst = std::max(worst, std::fabs(eval(c, t) / std::exp(t) - 1));
  }
  return static_cast<double>(worst);
}

}  // namespace actbench::jit
