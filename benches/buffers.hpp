// Input and output buffers for one benchmark. Both start on a page boundary; the output is then
// moved by `out_offset` bytes. With the default (2048) a streaming kernel's loads and the stores
// just before them never share address bits 11:0, so the CPU's 4 KiB alias check stays quiet;
// `--out-offset 64` shows what happens when they do.
#pragma once

#include <sys/mman.h>

#include <cstddef>
#include <cstring>
#include <new>

namespace actbench::bench {

template <class T>
class Buffers {
 public:
  Buffers(std::size_t n, std::size_t out_offset) : n_(n) {
    const std::size_t page = 4096;
    in_bytes_ = round_up(n * sizeof(T) + page, page);
    out_bytes_ = round_up(n * sizeof(T) + out_offset + page, page);
    in_mem_ = map(in_bytes_);
    out_mem_ = map(out_bytes_);
    in_ = static_cast<T*>(in_mem_);
    out_ = reinterpret_cast<T*>(static_cast<char*>(out_mem_) + out_offset);
    std::memset(out_mem_, 0, out_bytes_);  // fault the pages in before anything is timed
  }
  ~Buffers() {
    munmap(in_mem_, in_bytes_);
    munmap(out_mem_, out_bytes_);
  }
  Buffers(const Buffers&) = delete;
  Buffers& operator=(const Buffers&) = delete;

  T* in() { return in_; }
  T* out() { return out_; }
  std::size_t size() const { return n_; }

 private:
  static std::size_t round_up(std::size_t v, std::size_t a) { return (v + a - 1) / a * a; }
  static void* map(std::size_t bytes) {
    void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    return p;
  }
  std::size_t n_, in_bytes_ = 0, out_bytes_ = 0;
  void *in_mem_ = nullptr, *out_mem_ = nullptr;
  T *in_ = nullptr, *out_ = nullptr;
};

}  // namespace actbench::bench
