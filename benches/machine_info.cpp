#include "benches/machine_info.hpp"

#include <asmjit/core.h>
#include <fmt/core.h>
#include <gnu/libc-version.h>
#include <mpfr.h>
#include <papi.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <chrono>
#include <ctime>

#include "analysis/result_schema.hpp"
#include "benches/working_sets.hpp"
#include "counters/tsc_clock.hpp"
#include "kernels/cpu_features.hpp"
#include "kernels/uarch.hpp"

#ifndef ACTBENCH_BENCHMARK_VERSION
#define ACTBENCH_BENCHMARK_VERSION "unknown"
#endif

namespace actbench::bench {

std::string machine_slug() {
  const CpuId id = host_cpuid();
  std::string s;
  for (char c : id.brand.empty() ? id.vendor : id.brand) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else if (!s.empty() && s.back() != '-')
      s += '-';
  }
  for (const char* noise : {"-r-", "-tm-", "-cpu-", "-processor-"}) {
    std::string pat = noise;
    for (std::size_t p; (p = s.find(pat)) != std::string::npos;) s.replace(p, pat.size(), "-");
  }
  while (!s.empty() && s.back() == '-') s.pop_back();
  s += fmt::format("-f{}m{}", id.family, id.model);
  if (id.hypervisor) s += "-vm";
  return s;
}

nlohmann::json describe_machine() {
  using nlohmann::json;
  const CpuId id = host_cpuid();
  const CpuidDump dump = host_cpuid_dump();
  const Uarch uarch = identify_uarch(dump);
  // The leaves the identification read, so a later actbench (or a person) can decide again.
  json cpuid_leaves = json::array();
  for (const auto& l : dump.leaves)
    cpuid_leaves.push_back(fmt::format("{:08x} {} {:08x} {:08x} {:08x} {:08x}", l.leaf, l.subleaf, l.eax, l.ebx, l.ecx, l.edx));
  const CacheSizes caches = host_caches();
  const counters::ClockCalibration cal = counters::calibrate_core_clock(15, 2000);
  utsname u{};
  uname(&u);
  char host[256] = {};
  gethostname(host, sizeof(host) - 1);

  json j;
  j["schema_version"] = analysis::kSchemaVersion;
  j["kind"] = "actbench.machine";
  j["slug"] = machine_slug();
  j["hostname"] = host;
  j["cpu"] = {{"vendor", id.vendor},
              {"brand", id.brand},
              {"family", id.family},
              {"model", id.model},
              {"stepping", id.stepping},
              {"features", host_features().names()},
              {"microarchitecture", uarch.name == "unknown" ? json(nullptr) : json(uarch.name)},
              {"microarchitecture_how", uarch.how},
              {"llvm_mcpu", uarch.llvm_cpu},
              {"published_timings_column", uarch.timings_column},
              {"cpuid", cpuid_leaves}};
  j["caches"] = {{"l1d_bytes", caches.l1d}, {"l2_bytes", caches.l2}, {"l3_bytes", caches.l3}};
  j["logical_cpus"] = sysconf(_SC_NPROCESSORS_ONLN);
  j["kernel"] = std::string(u.sysname) + " " + u.release;
  j["virtualised"] = id.hypervisor;
  j["hypervisor"] = id.hypervisor_vendor;
  j["clock"] = {{"tsc_hz", counters::tsc_hz()},
                {"core_cycles_per_tsc_tick", cal.cycles_per_tick},
                {"core_hz_calibrated", cal.core_hz},
                {"calibration_spread", cal.spread},
                {"calibration_trials", cal.trials},
                {"method", "dependent add r64 chain at N and 2N blocks of 100, median of trials"}};
  j["counters"] = {{"cycles_source", "tsc-calibrated"}};
  j["software"] = {{"compiler", std::string("g++ ") + __VERSION__},
                   {"glibc", gnu_get_libc_version()},
                   {"google_benchmark", ACTBENCH_BENCHMARK_VERSION},
                   {"asmjit", fmt::format("{}.{}.{}", ASMJIT_LIBRARY_VERSION >> 16, (ASMJIT_LIBRARY_VERSION >> 8) & 0xff,
                                          ASMJIT_LIBRARY_VERSION & 0xff)},
                   {"papi", fmt::format("{}.{}.{}", PAPI_VERSION_MAJOR(PAPI_VERSION), PAPI_VERSION_MINOR(PAPI_VERSION),
                                        PAPI_VERSION_REVISION(PAPI_VERSION))},
                   {"mpfr", MPFR_VERSION_STRING},
                   {"fmt", FMT_VERSION}};
  return j;
}

}  // namespace actbench::bench
