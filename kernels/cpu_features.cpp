#include "kernels/cpu_features.hpp"

#include <cpuid.h>

#include <cstdlib>
#include <cstring>
#include <sstream>
#include <stdexcept>

namespace actbench {
namespace {

constexpr const char* kNames[] = {"sse4.1", "avx", "avx2", "fma", "bmi1", "avx512f", "avx512dq", "avx512bw", "avx512vl"};
static_assert(sizeof(kNames) / sizeof(kNames[0]) == static_cast<unsigned>(Feature::count_));

std::uint64_t xgetbv0() {
  std::uint32_t eax, edx;
  __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
  return (static_cast<std::uint64_t>(edx) << 32) | eax;
}

}  // namespace

const char* to_string(Feature f) { return kNames[static_cast<unsigned>(f)]; }

std::vector<std::string> FeatureSet::names() const {
  std::vector<std::string> out;
  for (unsigned i = 0; i < static_cast<unsigned>(Feature::count_); ++i)
    if (has(static_cast<Feature>(i))) out.emplace_back(kNames[i]);
  return out;
}

FeatureSet detect_features() {
  FeatureSet fs;
  unsigned a = 0, b = 0, c = 0, d = 0;
  if (!__get_cpuid(1, &a, &b, &c, &d)) return fs;
  const bool sse41 = c & (1u << 19), osxsave = c & (1u << 27), avx = c & (1u << 28), fma = c & (1u << 12);
  if (sse41) fs.add(Feature::sse41);
  const std::uint64_t xcr0 = osxsave ? xgetbv0() : 0;
  const bool os_ymm = (xcr0 & 0x6) == 0x6;           // XMM and YMM state
  const bool os_zmm = os_ymm && (xcr0 & 0xe0) == 0xe0;  // opmask, ZMM_Hi256, Hi16_ZMM
  if (avx && os_ymm) fs.add(Feature::avx);
  if (fma && os_ymm) fs.add(Feature::fma);
  if (__get_cpuid_max(0, nullptr) >= 7) {
    __cpuid_count(7, 0, a, b, c, d);
    if (b & (1u << 3)) fs.add(Feature::bmi1);
    if ((b & (1u << 5)) && os_ymm) fs.add(Feature::avx2);
    if (os_zmm) {
      if (b & (1u << 16)) fs.add(Feature::avx512f);
      if (b & (1u << 17)) fs.add(Feature::avx512dq);
      if (b & (1u << 30)) fs.add(Feature::avx512bw);
      if (b & (1u << 31)) fs.add(Feature::avx512vl);
    }
  }
  return fs;
}

FeatureSet mask_features(FeatureSet fs, const std::string& comma_list) {
  std::stringstream ss(comma_list);
  std::string item;
  while (std::getline(ss, item, ',')) {
    if (item.empty()) continue;
    bool found = false;
    for (unsigned i = 0; i < static_cast<unsigned>(Feature::count_); ++i)
      if (item == kNames[i]) {
        fs.remove(static_cast<Feature>(i));
        found = true;
      }
    if (!found) throw std::invalid_argument("unknown CPU feature '" + item + "' in ACTBENCH_DISABLE_FEATURES");
  }
  return fs;
}

FeatureSet host_features() {
  static const FeatureSet fs = [] {
    const char* off = std::getenv("ACTBENCH_DISABLE_FEATURES");
    return off ? mask_features(detect_features(), off) : detect_features();
  }();
  return fs;
}

CpuId host_cpuid() {
  CpuId id;
  unsigned a = 0, b = 0, c = 0, d = 0;
  __get_cpuid(0, &a, &b, &c, &d);
  char vendor[13] = {};
  std::memcpy(vendor, &b, 4);
  std::memcpy(vendor + 4, &d, 4);
  std::memcpy(vendor + 8, &c, 4);
  id.vendor = vendor;
  __get_cpuid(1, &a, &b, &c, &d);
  unsigned base_family = (a >> 8) & 0xf, base_model = (a >> 4) & 0xf;
  id.family = base_family == 0xf ? base_family + ((a >> 20) & 0xff) : base_family;
  id.model = (base_family == 0x6 || base_family == 0xf) ? base_model + (((a >> 16) & 0xf) << 4) : base_model;
  id.stepping = a & 0xf;
  id.hypervisor = c & (1u << 31);
  if (id.hypervisor) {
    __cpuid(0x40000000, a, b, c, d);
    char hv[13] = {};
    std::memcpy(hv, &b, 4);
    std::memcpy(hv + 4, &c, 4);
    std::memcpy(hv + 8, &d, 4);
    id.hypervisor_vendor = hv;
  }
  char brand[49] = {};
  if (__get_cpuid_max(0x80000000, nullptr) >= 0x80000004) {
    for (unsigned i = 0; i < 3; ++i) {
      __cpuid(0x80000002 + i, a, b, c, d);
      std::memcpy(brand + 16 * i, &a, 4);
      std::memcpy(brand + 16 * i + 4, &b, 4);
      std::memcpy(brand + 16 * i + 8, &c, 4);
      std::memcpy(brand + 16 * i + 12, &d, 4);
    }
  }
  std::string s = brand;
  while (!s.empty() && s.back() == ' ') s.pop_back();
  while (!s.empty() && s.front() == ' ') s.erase(s.begin());
  id.brand = s;
  return id;
}

}  // namespace actbench
