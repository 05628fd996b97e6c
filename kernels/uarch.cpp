#include "kernels/uarch.hpp"

#include <cpuid.h>
#include <fmt/core.h>

#include <cstring>
#include <sstream>
#include <stdexcept>

namespace actbench {

const CpuidLeaf* CpuidDump::find(std::uint32_t leaf, std::uint32_t subleaf) const {
  for (const auto& l : leaves)
    if (l.leaf == leaf && l.subleaf == subleaf) return &l;
  return nullptr;
}

CpuidDump host_cpuid_dump() {
  CpuidDump d;
  auto add = [&](std::uint32_t leaf, std::uint32_t sub) {
    unsigned a = 0, b = 0, c = 0, e = 0;
    __cpuid_count(leaf, sub, a, b, c, e);
    d.leaves.push_back({leaf, sub, a, b, c, e});
  };
  const unsigned max = __get_cpuid_max(0, nullptr), max_ext = __get_cpuid_max(0x80000000, nullptr);
  add(0, 0);
  if (max >= 1) add(1, 0);
  if (max >= 7) add(7, 0), add(7, 1);
  for (std::uint32_t l = 0x80000000; l <= 0x80000004 && l <= max_ext; ++l) add(l, 0);
  return d;
}

CpuidDump parse_cpuid_dump(std::istream& in, const std::string& source) {
  CpuidDump d;
  std::string line;
  for (int no = 1; std::getline(in, line); ++no) {
    const auto hash = line.find('#');
    if (hash != std::string::npos) line.erase(hash);
    std::istringstream ls(line);
    std::string leaf, sub, regs[4];
    if (!(ls >> leaf)) continue;
    if (!(ls >> sub >> regs[0] >> regs[1] >> regs[2] >> regs[3]))
      throw std::invalid_argument(fmt::format("{}:{}: expected '<leaf> <subleaf> <eax> <ebx> <ecx> <edx>'", source, no));
    try {
      CpuidLeaf l;
      l.leaf = static_cast<std::uint32_t>(std::stoul(leaf, nullptr, 16));
      l.subleaf = static_cast<std::uint32_t>(std::stoul(sub, nullptr, 10));
      l.eax = static_cast<std::uint32_t>(std::stoul(regs[0], nullptr, 16));
      l.ebx = static_cast<std::uint32_t>(std::stoul(regs[1], nullptr, 16));
      l.ecx = static_cast<std::uint32_t>(std::stoul(regs[2], nullptr, 16));
      l.edx = static_cast<std::uint32_t>(std::stoul(regs[3], nullptr, 16));
      d.leaves.push_back(l);
    } catch (const std::exception&) {
      throw std::invalid_argument(fmt::format("{}:{}: not hexadecimal register values", source, no));
    }
  }
  if (!d.find(0) || !d.find(1)) throw std::invalid_argument(source + ": needs at least leaves 0 and 1");
  return d;
}

namespace {

struct Guess {
  std::string name, llvm, column;
};

// Intel family 6 models (Intel SDM vol. 4, table 2-1, and the kernel's intel-family.h).
std::optional<Guess> intel_model(unsigned model, unsigned stepping) {
  switch (model) {
    case 0x3C: case 0x3F: case 0x45: case 0x46: return Guess{"Haswell", "haswell", ""};
    case 0x3D: case 0x47: case 0x4F: case 0x56: return Guess{"Broadwell", "broadwell", ""};
    case 0x4E: case 0x5E: case 0x8E: case 0x9E: case 0xA5: case 0xA6: return Guess{"Skylake (client)", "skylake", ""};
    case 0x55:
      if (stepping >= 10) return Guess{"Cooper Lake", "cooperlake", ""};
      if (stepping >= 5) return Guess{"Cascade Lake", "cascadelake", ""};
      return Guess{"Skylake-SP", "skylake-avx512", ""};
    case 0x6A: case 0x6C: return Guess{"Ice Lake server (Sunny Cove)", "icelake-server", "ICX"};
    case 0x7D: case 0x7E: return Guess{"Ice Lake client (Sunny Cove)", "icelake-client", "ICX"};
    case 0x8C: case 0x8D: return Guess{"Tiger Lake (Willow Cove)", "tigerlake", "ICX"};
    case 0xA7: return Guess{"Rocket Lake (Cypress Cove)", "rocketlake", "ICX"};
    case 0x97: case 0x9A: return Guess{"Alder Lake (Golden Cove P-cores)", "alderlake", "GLC"};
    case 0xB7: case 0xBA: case 0xBF: return Guess{"Raptor Lake (Raptor Cove P-cores)", "raptorlake", "GLC"};
    case 0x8F: return Guess{"Sapphire Rapids (Golden Cove)", "sapphirerapids", "SPR"};
    case 0xCF: return Guess{"Emerald Rapids (Raptor Cove)", "emeraldrapids", "SPR"};
    case 0xAD: case 0xAE: return Guess{"Granite Rapids (Redwood Cove)", "graniterapids", ""};
    default: return std::nullopt;
  }
}

struct Ext {
  bool avx2, avx512f, vbmi, vnni, vp2intersect, hybrid, fp16, amx_tile, bf16, amx_fp16;
  std::string list() const {
    std::string s;
    auto add = [&](bool on, const char* n) {
      if (on) s += (s.empty() ? "" : ", ") + std::string(n);
    };
    add(avx512f, "AVX512F"), add(vbmi, "AVX512_VBMI"), add(vnni, "AVX512_VNNI"), add(bf16, "AVX512_BF16");
    add(vp2intersect, "AVX512_VP2INTERSECT"), add(fp16, "AVX512_FP16"), add(amx_tile, "AMX-TILE");
    add(amx_fp16, "AMX-FP16"), add(hybrid, "hybrid");
    return s.empty() ? (avx2 ? "AVX2, no AVX-512" : "no AVX2") : s;
  }
};

// What the ISA extensions say, from the newest extension down; each names the first core that
// has it, so a guest that shows it runs on that core or a later one.
std::optional<Guess> intel_features(const Ext& x) {
  if (x.amx_fp16) return Guess{"Granite Rapids (Redwood Cove)", "graniterapids", ""};
  if (x.amx_tile) return Guess{"Sapphire Rapids (Golden Cove)", "sapphirerapids", "SPR"};
  if (x.fp16) return Guess{"Alder Lake P-core with AVX-512 (Golden Cove)", "alderlake", "GLC"};
  if (x.hybrid) return Guess{"Alder Lake (Golden Cove P-cores)", "alderlake", "GLC"};
  if (x.vp2intersect) return Guess{"Tiger Lake (Willow Cove)", "tigerlake", "ICX"};
  if (x.vbmi) return Guess{"Ice Lake (Sunny Cove)", "icelake-server", "ICX"};
  if (x.bf16) return Guess{"Cooper Lake", "cooperlake", ""};
  if (x.vnni) return Guess{"Cascade Lake", "cascadelake", ""};
  if (x.avx512f) return Guess{"Skylake-SP", "skylake-avx512", ""};
  return std::nullopt;
}

// The feature guess and the model's agree when they name the same generation of core.
bool same_generation(const Guess& a, const Guess& b) {
  if (a.llvm == b.llvm) return true;
  auto core = [](const std::string& n) {
    for (const char* c : {"Golden Cove", "Raptor Cove", "Sunny Cove", "Willow Cove", "Cypress Cove", "Redwood Cove"})
      if (n.find(c) != std::string::npos) return std::string(c);
    return n;
  };
  // Raptor Cove is Golden Cove with more cache; Cypress Cove is Sunny Cove on 14 nm.
  auto family = [&](const std::string& n) {
    const std::string c = core(n);
    if (c == "Raptor Cove") return std::string("Golden Cove");
    if (c == "Cypress Cove" || c == "Willow Cove") return std::string("Sunny Cove");
    return c;
  };
  return family(a.name) == family(b.name);
}

}  // namespace

Uarch identify_uarch(const CpuidDump& d) {
  Uarch u;
  const CpuidLeaf* l0 = d.find(0);
  const CpuidLeaf* l1 = d.find(1);
  if (!l0 || !l1) {
    u.name = "unknown";
    u.how = "CPUID leaves 0 and 1 missing";
    return u;
  }
  char vendor[13] = {};
  std::memcpy(vendor, &l0->ebx, 4);
  std::memcpy(vendor + 4, &l0->edx, 4);
  std::memcpy(vendor + 8, &l0->ecx, 4);
  u.vendor = vendor;
  const unsigned a = l1->eax, base_family = (a >> 8) & 0xf, base_model = (a >> 4) & 0xf;
  u.family = base_family == 0xf ? base_family + ((a >> 20) & 0xff) : base_family;
  u.model = (base_family == 0x6 || base_family == 0xf) ? base_model + (((a >> 16) & 0xf) << 4) : base_model;
  u.stepping = a & 0xf;
  const CpuidLeaf* l7 = d.find(7, 0);
  const CpuidLeaf* l71 = l0->eax >= 7 ? d.find(7, 1) : nullptr;
  const std::uint32_t b7 = l7 ? l7->ebx : 0, c7 = l7 ? l7->ecx : 0, d7 = l7 ? l7->edx : 0, a71 = l71 ? l71->eax : 0;
  const Ext x{(b7 >> 5 & 1) != 0,  (b7 >> 16 & 1) != 0, (c7 >> 1 & 1) != 0,  (c7 >> 11 & 1) != 0,
              (d7 >> 8 & 1) != 0,  (d7 >> 15 & 1) != 0, (d7 >> 23 & 1) != 0, (d7 >> 24 & 1) != 0,
              (a71 >> 5 & 1) != 0, (a71 >> 21 & 1) != 0};
  const std::string id = fmt::format("CPUID family {:#x} model {:#x} stepping {}", u.family, u.model, u.stepping);
  auto set = [&](const Guess& g, std::string how) {
    u.name = g.name, u.llvm_cpu = g.llvm, u.timings_column = g.column, u.how = std::move(how);
  };

  if (u.vendor == "AuthenticAMD" || u.vendor == "HygonGenuine") {
    if (u.family == 0x17) set(u.model >= 0x30 ? Guess{"Zen 2", "znver2", ""} : Guess{"Zen / Zen+", "znver1", ""}, id + ": the family");
    else if (u.family == 0x19 && x.avx512f) set({"Zen 4", "znver4", "ZEN4"}, id + " with AVX-512: family 19h cores with AVX-512 are Zen 4");
    else if (u.family == 0x19) set({"Zen 3", "znver3", ""}, id + " without AVX-512: Zen 3");
    else if (u.family == 0x1A) set({"Zen 5", "znver5", ""}, id + ": family 1Ah is Zen 5");
    else u.name = "unknown", u.how = id + ": an AMD family this table does not know";
    return u;
  }
  if (u.vendor != "GenuineIntel" || u.family != 6) {
    u.name = "unknown";
    u.how = id + " of " + u.vendor + ": not in the model table";
    return u;
  }
  const auto by_model = intel_model(u.model, u.stepping);
  const auto by_features = intel_features(x);
  if (by_model && (!by_features || same_generation(*by_model, *by_features))) {
    set(*by_model, id + " in the model table; the ISA extensions (" + x.list() + ") agree");
  } else if (by_features) {
    set(*by_features, id + (by_model ? " would be " + by_model->name : std::string(" is not in the model table")) +
                          ", but the ISA extensions (" + x.list() + ") first appear in " + by_features->name +
                          ": decided by the extensions (a hypervisor can mask the model, not add what the core lacks)");
  } else {
    set({"unknown Intel core with " + x.list(), x.avx2 ? "x86-64-v3" : "", ""},
        id + " is not in the model table and has no AVX-512 extension to place it");
  }
  return u;
}

}  // namespace actbench
