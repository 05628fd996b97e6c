#include "benches/working_sets.hpp"

#include <unistd.h>

#include <algorithm>
#include <fstream>

namespace actbench::bench {
namespace {

std::size_t read_size(const std::string& path) {
  std::ifstream f(path);
  std::string s;
  if (!(f >> s) || s.empty()) return 0;
  std::size_t mult = 1;
  if (s.back() == 'K') mult = 1024;
  if (s.back() == 'M') mult = 1024 * 1024;
  if (mult != 1) s.pop_back();
  try {
    return std::stoull(s) * mult;
  } catch (...) {
    return 0;
  }
}

std::string read_word(const std::string& path) {
  std::ifstream f(path);
  std::string s;
  f >> s;
  return s;
}

}  // namespace

CacheSizes host_caches() {
  CacheSizes c;
  for (int i = 0; i < 8; ++i) {
    const std::string dir = "/sys/devices/system/cpu/cpu0/cache/index" + std::to_string(i) + "/";
    const std::string level = read_word(dir + "level"), type = read_word(dir + "type");
    if (level.empty()) break;
    const std::size_t size = read_size(dir + "size");
    if (level == "1" && type == "Data") c.l1d = size;
    if (level == "2") c.l2 = size;
    if (level == "3") c.l3 = size;
  }
  auto sc = [](int name) {
    long v = sysconf(name);
    return v > 0 ? static_cast<std::size_t>(v) : std::size_t{0};
  };
  if (!c.l1d) c.l1d = sc(_SC_LEVEL1_DCACHE_SIZE);
  if (!c.l2) c.l2 = sc(_SC_LEVEL2_CACHE_SIZE);
  if (!c.l3) c.l3 = sc(_SC_LEVEL3_CACHE_SIZE);
  return c;
}

std::vector<WorkingSet> working_sets(const CacheSizes& c, std::size_t elem_size) {
  constexpr std::size_t MiB = 1024 * 1024;
  const std::size_t l2 = c.l2 ? c.l2 : 1 * MiB, l3 = c.l3 ? c.l3 : 16 * MiB;
  std::vector<WorkingSet> out;
  out.push_back({"l1", 2 * 4096 * elem_size});
  out.push_back({"l2", l2 / 2});
  out.push_back({"l3", std::clamp(l3 / 4, 2 * l2, std::max<std::size_t>(2 * l2, 64 * MiB))});
  out.push_back({"dram", std::clamp(4 * l3, 256 * MiB, 1024 * MiB)});
  return out;
}

std::size_t values_for(const WorkingSet& ws, std::size_t elem_size) {
  return std::max<std::size_t>(1, ws.bytes / (2 * elem_size));
}

}  // namespace actbench::bench
