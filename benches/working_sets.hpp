// Working-set sizes for the cache sweep, sized from this machine's caches.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace actbench::bench {

struct CacheSizes {
  std::size_t l1d = 0, l2 = 0, l3 = 0;  // bytes per instance, 0 when unknown
};

CacheSizes host_caches();  // from /sys/devices/system/cpu/cpu0/cache, sysconf as fallback

struct WorkingSet {
  std::string level;   // l1, l2, l3, dram
  std::size_t bytes;   // input + output together
};

// In + out together: l1 is always 4096 values (the fixed reference point); l2 half the L2;
// l3 a quarter of L3, kept between 2x L2 and 64 MiB; dram 4x L3, kept between 256 MiB and 1 GiB
// (virtual machines report odd L3 sizes: the bytes are recorded with every result).
std::vector<WorkingSet> working_sets(const CacheSizes& c, std::size_t elem_size);
std::size_t values_for(const WorkingSet& ws, std::size_t elem_size);

}  // namespace actbench::bench
