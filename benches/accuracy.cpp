#include "benches/accuracy.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <bit>
#include <chrono>
#include <cmath>
#include <limits>
#include <random>
#include <thread>

#include <mpfr.h>

#include "analysis/result_schema.hpp"
#include "kernels/nan_policy.hpp"
#include "kernels/reference.hpp"

namespace actbench::bench {

int ulp_bucket(std::uint64_t ulp) {
  if (ulp <= 2) return static_cast<int>(ulp);
  // 3-4 -> 3, 5-8 -> 4, ..., (2^(k-2), 2^(k-1)] -> k
  const int b = 64 - std::countl_zero(ulp - 1) + 1;
  return std::min(b, kUlpBuckets - 1);
}

std::string ulp_bucket_label(int b) {
  if (b <= 2) return std::to_string(b);
  if (b == kUlpBuckets - 1) return fmt::format(">{}", 1ull << (b - 2));
  return fmt::format("{}-{}", (1ull << (b - 2)) + 1, 1ull << (b - 1));  // (2^(b-2), 2^(b-1)]
}

void RangeStats::merge(const RangeStats& o) {
  count += o.count;
  flushed += o.flushed;
  if (o.max_ulp > max_ulp) max_ulp = o.max_ulp, at_ulp = o.at_ulp;
  if (o.max_abs > max_abs) max_abs = o.max_abs, at_abs = o.at_abs;
  if (o.max_rel > max_rel) max_rel = o.max_rel, at_rel = o.at_rel;
  for (int i = 0; i < kUlpBuckets; ++i) histogram[i] += o.histogram[i];
}

namespace {

template <class T>
std::vector<T> special_inputs() {
  using L = std::numeric_limits<T>;
  return {L::quiet_NaN(), -L::quiet_NaN(), T(0), -T(0), L::infinity(), -L::infinity(), L::denorm_min(),
          -L::denorm_min(), L::min(), -L::min(), L::max(), -L::max(), T(-88.8), T(-104), T(20)};
}

// One value's verdict folded into the stats. `wide` is the exact result (to double or long
// double precision), `cr` the correctly rounded one.
template <class T>
void account(KernelAccuracy& acc, RangeStats& normal, RangeStats& sub, const Kernel& k, T x, T y, T cr, double wide) {
  const SpecialPolicy& pol = k.policy();
  if (std::isnan(x) && k.op() == Op::relu) return;  // ReLU's NaN policies are bitwise: tests/value_check.hpp
  if (const NanVerdict v = sigmoid_nan_verdict(k, x, y); v != NanVerdict::not_nan) {
    if (v == NanVerdict::wrong && acc.nan_wrong++ == 0) acc.first_nan_wrong_at = static_cast<double>(x);
    return;
  }
  // A kernel that flushes denormal inputs (its declared policy) gives 0 for them: that is its
  // behaviour, not an error.
  if (pol.denormals == DenormalPolicy::flushed && std::fpclassify(x) == FP_SUBNORMAL && y == 0) return;
  // Results the ULP bound does not cover (denormal, or below the policy's ulp_from) count apart.
  const bool is_normal = k.op() == Op::relu || ulp_bound_covers<T>(k, wide);
  RangeStats& r = is_normal ? normal : sub;
  ++r.count;
  double ulp;
  if constexpr (sizeof(T) == 4) {
    ulp = static_cast<double>(ulp_distance(y, cr));
  } else {
    ulp = k.op() == Op::relu ? static_cast<double>(ulp_distance(y, cr))
                             : std::max(0.0, ulp_error(y, static_cast<long double>(wide)) - 0.5);
  }
  const double abs = std::fabs(static_cast<double>(y) - wide);
  const double rel = wide != 0 ? abs / std::fabs(wide) : (y == 0 ? 0.0 : std::numeric_limits<double>::infinity());
  r.histogram[ulp_bucket(static_cast<std::uint64_t>(std::min(ulp, 1.8e19)))]++;
  if (ulp > r.max_ulp) r.max_ulp = ulp, r.at_ulp = static_cast<double>(x);
  if (abs > r.max_abs) r.max_abs = abs, r.at_abs = static_cast<double>(x);
  if (rel > r.max_rel) r.max_rel = rel, r.at_rel = static_cast<double>(x);
  if (y == 0 && cr != 0) ++r.flushed;
}

template <class T, class Fn>
void run_chunk(const std::vector<const Kernel*>& kernels, std::vector<KernelAccuracy>& out, const std::vector<T>& x,
               const std::vector<T>& cr, const std::vector<double>& wide, unsigned threads) {
  const std::size_t n = x.size();
  std::vector<T> y(n);
  for (std::size_t ki = 0; ki < kernels.size(); ++ki) {
    const Kernel& k = *kernels[ki];
    const KernelFn fn = k.get();
    Fn f;
    if constexpr (sizeof(T) == 4)
      f = fn.f32;
    else
      f = fn.f64;
    std::vector<RangeStats> normal(threads), sub(threads);
    std::vector<KernelAccuracy> part(threads);
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t)
      pool.emplace_back([&, t] {
        const std::size_t lo = n * t / threads, hi = n * (t + 1) / threads;
        f(x.data() + lo, y.data() + lo, hi - lo);
        for (std::size_t i = lo; i < hi; ++i) account(part[t], normal[t], sub[t], k, x[i], y[i], cr[i], wide[i]);
      });
    for (auto& th : pool) th.join();
    KernelAccuracy& acc = out[ki];
    for (unsigned t = 0; t < threads; ++t) {
      acc.normal.merge(normal[t]);
      acc.subnormal.merge(sub[t]);
      if (part[t].nan_wrong && !acc.nan_wrong) acc.first_nan_wrong_at = part[t].first_nan_wrong_at;
      acc.nan_wrong += part[t].nan_wrong;
    }
    acc.inputs += n;
  }
}

template <class T>
void reference_chunk(const Op op, const std::vector<T>& x, std::vector<T>& cr, std::vector<double>& wide, unsigned threads) {
  const std::size_t n = x.size();
  cr.resize(n);
  wide.resize(n);
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      for (std::size_t i = n * t / threads; i < n * (t + 1) / threads; ++i) {
        if (op == Op::relu) {
          cr[i] = relu_ref(x[i]);
          wide[i] = static_cast<double>(cr[i]);
        } else if constexpr (sizeof(T) == 4) {
          cr[i] = sigmoid_ref(x[i]);
          wide[i] = static_cast<double>(sigmoid_ref_wide(x[i]));
        } else {
          const long double w = sigmoid_ref_wide(x[i]);
          cr[i] = static_cast<T>(w);
          wide[i] = static_cast<double>(w);
        }
      }
      // MPFR keeps per-thread caches (constants, exp tables); a thread that ends frees its own.
      mpfr_free_cache2(MPFR_FREE_LOCAL_CACHE);
    });
  for (auto& th : pool) th.join();
}

class Progress {
 public:
  Progress(bool on, double total) : on_(on), total_(total), t0_(std::chrono::steady_clock::now()) {}
  void update(double done, std::size_t kernels_done, std::size_t kernels) {
    if (!on_) return;
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0_).count();
    const double rate = s > 0 ? done / s : 0;
    fmt::print(stderr, "\raccuracy: {:5.1f}%  kernels {}/{}  {:.0f} M values/s  {:.0f} s left   ", 100 * done / total_,
               kernels_done, kernels, rate * 1e-6, rate > 0 ? (total_ - done) / rate : 0.0);
  }
  void finish() {
    if (on_) fmt::print(stderr, "\n");
  }

 private:
  bool on_;
  double total_;
  std::chrono::steady_clock::time_point t0_;
};

template <class T>
std::vector<std::pair<std::string, std::string>> specials_of(const Kernel& k) {
  const std::vector<T> in = special_inputs<T>();
  std::vector<T> out(in.size());
  const KernelFn fn = k.get();
  if constexpr (sizeof(T) == 4)
    fn.f32(in.data(), out.data(), in.size());
  else
    fn.f64(in.data(), out.data(), in.size());
  std::vector<std::pair<std::string, std::string>> r;
  for (std::size_t i = 0; i < in.size(); ++i) r.emplace_back(fmt::format("{}", in[i]), fmt::format("{}", out[i]));
  return r;
}

void judge(KernelAccuracy& a) {
  const Accuracy& d = a.kernel->accuracy();
  const double max_abs = std::max(a.normal.max_abs, a.subnormal.max_abs);
  std::vector<std::string> why;
  if (a.nan_wrong) why.push_back(fmt::format("{} NaN results against its policy (first at x = {})", a.nan_wrong, a.first_nan_wrong_at));
  if (d.exact ? a.normal.max_ulp > 0 : a.normal.max_ulp > d.max_ulp)
    why.push_back(fmt::format("{} ULP at x = {} (declared {})", a.normal.max_ulp, a.normal.at_ulp, d.exact ? 0.0 : d.max_ulp));
  if (!d.exact && max_abs > d.max_abs) why.push_back(fmt::format("absolute error {:.3g} (declared {:.3g})", max_abs, d.max_abs));
  a.within_declared = why.empty();
  for (const auto& w : why) a.verdict += (a.verdict.empty() ? "" : "; ") + w;
}

}  // namespace

std::vector<KernelAccuracy> measure_accuracy(const std::vector<const Kernel*>& all, const AccuracyOptions& opt) {
  const unsigned threads = std::max(1u, opt.threads);
  std::vector<KernelAccuracy> results;
  std::vector<const Kernel*> groups[4];  // relu f32, sigmoid f32, relu f64, sigmoid f64
  for (const Kernel* k : all) {
    if (!k->supported()) continue;
    groups[(k->op() == Op::sigmoid ? 1 : 0) + (k->dtype() == DType::f64 ? 2 : 0)].push_back(k);
  }
  // f32: every stride-th bit pattern (or all of them) in chunks, plus the special values.
  const std::uint64_t stride = opt.exhaustive ? 1 : opt.stride;
  const std::uint64_t f32_inputs = ((1ull << 32) + stride - 1) / stride;
  double total = 0;
  for (int g : {0, 1}) total += static_cast<double>(f32_inputs) * static_cast<double>(groups[g].size());
  constexpr std::size_t kF64Inputs = 3'000'000;
  for (int g : {2, 3}) total += static_cast<double>(kF64Inputs) * static_cast<double>(groups[g].size());
  Progress progress(opt.progress, std::max(total, 1.0));
  double done = 0;
  std::size_t kernels_done = 0, kernels_total = all.size();

  for (int g = 0; g < 4; ++g) {
    const std::vector<const Kernel*>& ks = groups[g];
    if (ks.empty()) continue;
    std::vector<KernelAccuracy> acc(ks.size());
    for (std::size_t i = 0; i < ks.size(); ++i) acc[i].kernel = ks[i];
    const Op op = g % 2 ? Op::sigmoid : Op::relu;
    if (g < 2) {
      std::vector<float> x, cr;
      std::vector<double> wide;
      x = special_inputs<float>();
      reference_chunk(op, x, cr, wide, 1);
      run_chunk<float, KernelF32>(ks, acc, x, cr, wide, 1);
      constexpr std::uint64_t kChunk = 1ull << 22;
      for (std::uint64_t first = 0; first < f32_inputs; first += kChunk) {
        const std::uint64_t count = std::min(kChunk, f32_inputs - first);
        x.resize(count);
        for (std::uint64_t i = 0; i < count; ++i) x[i] = std::bit_cast<float>(static_cast<std::uint32_t>((first + i) * stride));
        reference_chunk(op, x, cr, wide, threads);
        run_chunk<float, KernelF32>(ks, acc, x, cr, wide, threads);
        done += static_cast<double>(count) * static_cast<double>(ks.size());
        progress.update(done, kernels_done, kernels_total);
      }
      for (auto& a : acc) a.specials = specials_of<float>(*a.kernel);
    } else {
      // f64: a dense sample only: random values where sigmoid is not saturated, and a stride
      // through every double bit pattern.
      std::vector<double> x = special_inputs<double>(), cr, wide;
      std::mt19937_64 rng(17);
      std::uniform_real_distribution<double> u(-40, 40);
      for (std::size_t i = 0; i < kF64Inputs / 2; ++i) x.push_back(u(rng));
      const std::uint64_t step = ~0ull / (kF64Inputs / 2);
      for (std::uint64_t b = 0, i = 0; i < kF64Inputs / 2; ++i, b += step) x.push_back(std::bit_cast<double>(b));
      reference_chunk(op, x, cr, wide, threads);
      run_chunk<double, KernelF64>(ks, acc, x, cr, wide, threads);
      done += static_cast<double>(kF64Inputs) * static_cast<double>(ks.size());
      progress.update(done, kernels_done, kernels_total);
      for (auto& a : acc) a.specials = specials_of<double>(*a.kernel);
    }
    for (auto& a : acc) judge(a);
    kernels_done += ks.size();
    progress.update(done, kernels_done, kernels_total);
    results.insert(results.end(), acc.begin(), acc.end());
  }
  progress.finish();
  return results;
}

namespace {
nlohmann::json range_json(const RangeStats& r) {
  nlohmann::json h = nlohmann::json::object();
  for (int b = 0; b < kUlpBuckets; ++b)
    if (r.histogram[b]) h[ulp_bucket_label(b)] = r.histogram[b];
  auto num = [](double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); };
  return {{"count", r.count},     {"max_ulp", num(r.max_ulp)}, {"max_ulp_at", r.at_ulp}, {"max_abs", num(r.max_abs)},
          {"max_abs_at", r.at_abs}, {"max_rel", num(r.max_rel)}, {"max_rel_at", r.at_rel}, {"flushed_to_zero", r.flushed},
          {"ulp_histogram", h}};
}
}  // namespace

nlohmann::json accuracy_json(const std::vector<KernelAccuracy>& results, const AccuracyOptions& opt, double seconds) {
  nlohmann::json j;
  j["schema_version"] = analysis::kSchemaVersion;
  j["kind"] = "actbench.accuracy";
  j["inputs"] = opt.exhaustive ? "exhaustive: all 2^32 float bit patterns (f64 kernels: 3M-value dense sample)"
                               : fmt::format("every {}th float bit pattern plus special values (f64: 3M-value dense sample)", opt.stride);
  j["reference"] = "correctly rounded sigmoid (double evaluation, MPFR where it cannot decide); ReLU exact";
  j["seconds"] = seconds;
  j["kernels"] = nlohmann::json::array();
  for (const auto& a : results) {
    const Accuracy& d = a.kernel->accuracy();
    nlohmann::json sp = nlohmann::json::object();
    for (const auto& [in, out] : a.specials) sp[in] = out;
    j["kernels"].push_back({{"name", a.kernel->name()},
                            {"inputs", a.inputs},
                            {"declared",
                             {{"exact", d.exact},
                              {"max_ulp", std::isinf(d.max_ulp) ? nlohmann::json() : nlohmann::json(d.max_ulp)},
                              {"max_abs", std::isinf(d.max_abs) ? nlohmann::json() : nlohmann::json(d.max_abs)}}},
                            {"normal_results", range_json(a.normal)},
                            {"denormal_or_zero_results", range_json(a.subnormal)},
                            {"nan_against_policy", a.nan_wrong},
                            {"specials", sp},
                            {"within_declared", a.within_declared},
                            {"verdict", a.verdict}});
  }
  return j;
}

std::string accuracy_table(const std::vector<KernelAccuracy>& results) {
  std::size_t w = 6;
  for (const auto& a : results) w = std::max(w, a.kernel->name().size());
  std::string out = fmt::format("{:<{}} {:>12} {:>12} {:>10} {:>12} {:>8}  {}\n", "kernel", w, "max ULP", "at x",
                                "max abs", "denorm abs", "flushed", "declared");
  for (const auto& a : results) {
    const Accuracy& d = a.kernel->accuracy();
    const std::string decl = d.exact ? "exact" : std::isinf(d.max_ulp) ? fmt::format("abs {:.2g}", d.max_abs) : fmt::format("{:g} ULP", d.max_ulp);
    out += fmt::format("{:<{}} {:>12.0f} {:>12.5g} {:>10.3g} {:>12.3g} {:>8}  {}{}\n", a.kernel->name(), w, a.normal.max_ulp,
                       a.normal.at_ulp, a.normal.max_abs, a.subnormal.max_abs, a.subnormal.flushed, decl,
                       a.within_declared ? "" : "  EXCEEDS: " + a.verdict);
  }
  return out;
}

}  // namespace actbench::bench
