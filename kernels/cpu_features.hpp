// CPU feature detection from CPUID and XGETBV: a vector ISA counts only when the CPU has it and
// the OS saves its register state, so an AVX-512 kernel is never called where zmm state is off.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace actbench {

enum class Feature : unsigned {
  sse41,
  avx,
  avx2,
  fma,
  bmi1,
  avx512f,
  avx512dq,
  avx512bw,
  avx512vl,
  count_,
};

const char* to_string(Feature f);

class FeatureSet {
 public:
  FeatureSet() = default;
  FeatureSet(std::initializer_list<Feature> fs) {
    for (Feature f : fs) add(f);
  }
  void add(Feature f) { bits_ |= bit(f); }
  void remove(Feature f) { bits_ &= ~bit(f); }
  bool has(Feature f) const { return (bits_ & bit(f)) != 0; }
  bool has_all(FeatureSet other) const { return (bits_ & other.bits_) == other.bits_; }
  FeatureSet operator|(FeatureSet o) const {
    FeatureSet r;
    r.bits_ = bits_ | o.bits_;
    return r;
  }
  FeatureSet operator-(FeatureSet o) const {  // what this set has and o lacks
    FeatureSet r;
    r.bits_ = bits_ & ~o.bits_;
    return r;
  }
  bool empty() const { return bits_ == 0; }
  bool operator==(const FeatureSet&) const = default;
  std::vector<std::string> names() const;

 private:
  static std::uint32_t bit(Feature f) { return 1u << static_cast<unsigned>(f); }
  std::uint32_t bits_ = 0;
};

struct CpuId {
  std::string vendor;
  std::string brand;
  unsigned family = 0, model = 0, stepping = 0;
  bool hypervisor = false;
  std::string hypervisor_vendor;
};

// Features of the host, detected once. ACTBENCH_DISABLE_FEATURES=avx512f,avx2 (names as
// printed by `actbench list`) hides features, to see what a smaller CPU would run.
FeatureSet host_features();
FeatureSet detect_features();  // CPUID + XGETBV, ignoring the environment
FeatureSet mask_features(FeatureSet fs, const std::string& comma_list);
CpuId host_cpuid();

}  // namespace actbench
