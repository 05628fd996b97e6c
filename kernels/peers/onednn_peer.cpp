#include <omp.h>

#include <dnnl.hpp>
#include <map>
#include <memory>
#include <mutex>

#include "kernels/peers/peers.hpp"

namespace actbench::peers {
namespace {

struct Eltwise {
  dnnl::memory src, dst;
  dnnl::eltwise_forward prim;
};

class OneDnn {
 public:
  OneDnn() : engine_(dnnl::engine::kind::cpu, 0), stream_(engine_) { omp_set_num_threads(1); }

  void run(dnnl::algorithm alg, const float* in, float* out, std::size_t n) {
    Eltwise& e = get(alg, n);
    e.src.set_data_handle(const_cast<float*>(in));
    e.dst.set_data_handle(out);
    e.prim.execute(stream_, {{DNNL_ARG_SRC, e.src}, {DNNL_ARG_DST, e.dst}});
    stream_.wait();
  }

 private:
  Eltwise& get(dnnl::algorithm alg, std::size_t n) {
    std::lock_guard<std::mutex> lock(mu_);
    auto key = std::make_pair(static_cast<int>(alg), n);
    auto it = cache_.find(key);
    if (it != cache_.end()) return *it->second;
    const dnnl::memory::desc md({static_cast<dnnl::memory::dim>(n)}, dnnl::memory::data_type::f32,
                                dnnl::memory::format_tag::a);
    auto e = std::make_unique<Eltwise>();
    e->src = dnnl::memory(md, engine_, DNNL_MEMORY_NONE);
    e->dst = dnnl::memory(md, engine_, DNNL_MEMORY_NONE);
    const dnnl::eltwise_forward::desc d(dnnl::prop_kind::forward_inference, alg, md, 0.0f, 0.0f);
    e->prim = dnnl::eltwise_forward(dnnl::eltwise_forward::primitive_desc(d, engine_));
    return *cache_.emplace(key, std::move(e)).first->second;
  }

  dnnl::engine engine_;
  dnnl::stream stream_;
  std::mutex mu_;
  std::map<std::pair<int, std::size_t>, std::unique_ptr<Eltwise>> cache_;
};

OneDnn& dnn() {
  static OneDnn d;
  return d;
}

}  // namespace

void onednn_sigmoid_f32(const float* in, float* out, std::size_t n) {
  if (n) dnn().run(dnnl::algorithm::eltwise_logistic, in, out, n);
}

void onednn_relu_f32(const float* in, float* out, std::size_t n) {
  if (n) dnn().run(dnnl::algorithm::eltwise_relu, in, out, n);
}

}  // namespace actbench::peers
