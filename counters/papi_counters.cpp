#include "counters/papi_counters.hpp"

#include <papi.h>
#include <sys/klog.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <utility>

namespace actbench::counters {
namespace {

// ---- PAPI error codes as text --------------------------------------------------------------

const char* code_name(int rc) {
  switch (rc) {
    case PAPI_EINVAL: return "PAPI_EINVAL";
    case PAPI_ENOMEM: return "PAPI_ENOMEM";
    case PAPI_ESYS: return "PAPI_ESYS";
    case PAPI_ECMP: return "PAPI_ECMP";
    case PAPI_ECLOST: return "PAPI_ECLOST";
    case PAPI_EBUG: return "PAPI_EBUG";
    case PAPI_ENOEVNT: return "PAPI_ENOEVNT";
    case PAPI_ECNFLCT: return "PAPI_ECNFLCT";
    case PAPI_ENOTRUN: return "PAPI_ENOTRUN";
    case PAPI_EISRUN: return "PAPI_EISRUN";
    case PAPI_ENOEVST: return "PAPI_ENOEVST";
    case PAPI_ENOTPRESET: return "PAPI_ENOTPRESET";
    case PAPI_ENOCNTR: return "PAPI_ENOCNTR";
    case PAPI_EMISC: return "PAPI_EMISC";
    case PAPI_EPERM: return "PAPI_EPERM";
    case PAPI_ENOINIT: return "PAPI_ENOINIT";
    case PAPI_ENOCMP: return "PAPI_ENOCMP";
    case PAPI_ENOSUPP: return "PAPI_ENOSUPP";
    case PAPI_ENOIMPL: return "PAPI_ENOIMPL";
    case PAPI_EBUF: return "PAPI_EBUF";
    case PAPI_EINVAL_DOM: return "PAPI_EINVAL_DOM";
    case PAPI_EATTR: return "PAPI_EATTR";
    case PAPI_ECOUNT: return "PAPI_ECOUNT";
    case PAPI_ECOMBO: return "PAPI_ECOMBO";
    case PAPI_ECMP_DISABLED: return "PAPI_ECMP_DISABLED";
    case PAPI_EDELAY_INIT: return "PAPI_EDELAY_INIT";
    case PAPI_EMULPASS: return "PAPI_EMULPASS";
    default: return "PAPI error";
  }
}

// "PAPI_add_event: Event does not exist (PAPI_ENOEVNT, -7)"
std::string papi_error(const std::string& call, int rc) {
  const char* s = PAPI_strerror(rc);
  return call + ": " + (s ? s : "unknown error") + " (" + code_name(rc) + ", " + std::to_string(rc) + ")";
}

// ---- library initialisation, once per process ---------------------------------------------

struct Library {
  bool ok = false;
  std::string error;  // why not, when !ok
};

const Library& library() {
  static std::once_flag once;
  static Library lib;
  std::call_once(once, [] {
    if (PAPI_is_initialized() != PAPI_NOT_INITED) {  // someone else in this process did it
      lib.ok = true;
      return;
    }
    const int rc = PAPI_library_init(PAPI_VER_CURRENT);
    if (rc == PAPI_VER_CURRENT) {
      lib.ok = true;
    } else if (rc > 0) {
      lib.error = "PAPI_library_init: the PAPI library (version " + std::to_string(PAPI_VERSION_MAJOR(rc)) + "." +
                  std::to_string(PAPI_VERSION_MINOR(rc)) + ") does not match the header this was built with (" +
                  std::to_string(PAPI_VERSION_MAJOR(PAPI_VER_CURRENT)) + "." +
                  std::to_string(PAPI_VERSION_MINOR(PAPI_VER_CURRENT)) + ")";
    } else {
      lib.error = papi_error("PAPI_library_init", rc);
    }
  });
  return lib;
}

// ---- why hardware events cannot be counted ------------------------------------------------

std::string trim(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  std::size_t b = 0;
  while (b < s.size() && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  return s.substr(b);
}

std::string paranoid_note() {
  std::ifstream f("/proc/sys/kernel/perf_event_paranoid");
  int level = 0;
  if (!(f >> level)) return "perf_event_paranoid unreadable";
  std::string s = "perf_event_paranoid=" + std::to_string(level);
  if (level >= 3)
    s += " (refuses perf_event_open to unprivileged users; sysctl kernel.perf_event_paranoid=2 allows counting one's "
         "own process)";
  else if (level == 2)
    s += " (allows counting one's own process in user space)";
  else
    s += " (allows user and kernel counting)";
  if (geteuid() == 0) s += ", running as root";
  return s;
}

// The core PMU perf_event registers: "cpu" (x86), "cpu_core"/"cpu_atom" (hybrid), "armv8_*".
// Returns nullopt when the folder cannot be read.
std::optional<bool> cpu_pmu_registered(std::string& seen) {
  std::error_code ec;
  std::filesystem::directory_iterator it("/sys/bus/event_source/devices", ec);
  if (ec) return std::nullopt;
  std::vector<std::string> names;
  for (const auto& e : it) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  bool found = false;
  for (const auto& n : names) {
    seen += (seen.empty() ? "" : ", ") + n;
    if (n == "cpu" || n.rfind("cpu_", 0) == 0 || n.rfind("armv", 0) == 0 || n.rfind("arm_", 0) == 0) found = true;
  }
  return found;
}

// The kernel's own line about its PMU driver ("Performance Events: ... no PMU driver, software
// events only."), when the kernel log is readable (dmesg_restrict, CAP_SYSLOG).
std::optional<std::string> kernel_pmu_line() {
  const int size = klogctl(10 /* SYSLOG_ACTION_SIZE_BUFFER */, nullptr, 0);
  if (size <= 0) return std::nullopt;
  std::string buf(static_cast<std::size_t>(size), '\0');
  const int got = klogctl(3 /* SYSLOG_ACTION_READ_ALL */, buf.data(), size);
  if (got <= 0) return std::nullopt;
  buf.resize(static_cast<std::size_t>(got));
  std::optional<std::string> line;
  std::size_t pos = 0;
  while (pos < buf.size()) {
    std::size_t end = buf.find('\n', pos);
    if (end == std::string::npos) end = buf.size();
    const std::string l = buf.substr(pos, end - pos);
    for (const char* key : {"Performance Events:", "hw perfevents:"}) {
      const std::size_t k = l.find(key);
      if (k != std::string::npos) line = trim(l.substr(k));
    }
    pos = end + 1;
  }
  return line;
}

std::string component_disabled(int cidx) {
  const PAPI_component_info_t* ci = PAPI_get_component_info(cidx);
  if (!ci || !ci->disabled) return {};
  return "component " + std::string(ci->name) + " is disabled: " + trim(ci->disabled_reason);
}

// Computed once, when a hardware event has failed: can PAPI_TOT_CYC be added, and if not, what
// this machine says about its PMU. text is empty when PAPI_TOT_CYC can be added (the PMU works,
// so the failing event is a problem of its own).
struct Diagnosis {
  int rc = PAPI_OK;  // of adding PAPI_TOT_CYC to an event set
  std::string text;
};

const Diagnosis& hardware_diagnosis() {
  static const Diagnosis diagnosis = [] {
    int code = 0, set = PAPI_NULL;
    int rc = PAPI_event_name_to_code("PAPI_TOT_CYC", &code);
    if (rc == PAPI_OK) rc = PAPI_query_event(code);
    if (rc == PAPI_OK) rc = PAPI_create_eventset(&set);
    if (rc == PAPI_OK) {
      rc = PAPI_add_event(set, code);
      PAPI_cleanup_eventset(set);
      PAPI_destroy_eventset(&set);
    }
    if (rc == PAPI_OK) return Diagnosis{};

    std::vector<std::string> why;
    for (int c = 0; c < PAPI_num_components(); ++c) {
      const PAPI_component_info_t* ci = PAPI_get_component_info(c);
      if (ci && std::string(ci->name) == "perf_event" && ci->disabled) why.push_back(component_disabled(c));
    }
    std::string devices;
    const std::optional<bool> pmu = cpu_pmu_registered(devices);
    const std::optional<std::string> kline = kernel_pmu_line();
    if (pmu == false || (!pmu && !kline)) {
      std::string s = "no hardware PMU visible to perf_event";
      if (kline)
        s += " (kernel: \"" + *kline + "\")";
      else
        s += " (virtual machine?)";
      if (pmu == false) s += "; /sys/bus/event_source/devices has only " + devices;
      why.push_back(s);
    } else if (kline) {
      why.push_back("kernel: \"" + *kline + "\"");
    }
    if (const PAPI_hw_info_t* hw = PAPI_get_hardware_info(); hw && hw->virtualized)
      why.push_back("running in a virtual machine (" + trim(hw->virtual_vendor_string) + ")");
    why.push_back(paranoid_note());
    Diagnosis d{rc, {}};
    for (const auto& w : why) d.text += (d.text.empty() ? "" : "; ") + w;
    return d;
  }();
  return diagnosis;
}

bool is_perf_event_component(int cidx) {
  const PAPI_component_info_t* ci = PAPI_get_component_info(cidx);
  return ci && std::string(ci->name) == "perf_event";
}

int tot_cyc_code() {
  int code = 0;
  return PAPI_event_name_to_code("PAPI_TOT_CYC", &code) == PAPI_OK ? code : 0;
}

// The reason an event known to PAPI cannot be counted, after `call` returned rc.
std::string unavailable_reason(const std::string& call, int rc, int code, int cidx) {
  std::string s = "unavailable: " + papi_error(call, rc);
  if (IS_PRESET(code) && call.rfind("PAPI_query_event", 0) == 0)
    s += ": the preset has no native event behind it on this machine";
  if (rc == PAPI_EPERM) s += "; " + paranoid_note();
  if (cidx < 0) return s;
  // The CPU component: what the machine says about its PMU (that includes the component being
  // disabled). Any other component: whether it is disabled.
  const Diagnosis* d = is_perf_event_component(cidx) && rc != PAPI_EPERM ? &hardware_diagnosis() : nullptr;
  if (d && !d->text.empty()) {
    if (code != tot_cyc_code()) s += std::string("; nor can PAPI_TOT_CYC be counted (") + code_name(d->rc) + ")";
    s += "; " + d->text;
  } else if (const std::string dis = component_disabled(cidx); !dis.empty()) {
    s += "; " + dis;
  }
  return s;
}

// ---- names and units ------------------------------------------------------------------------

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string unit_for(const std::string& event) {
  const std::string u = upper(event);
  if (u.rfind("PAPI_", 0) == 0) {
    if (ends_with(u, "CYC") || ends_with(u, "CY")) return "cycles";  // TOT_CYC, REF_CYC, STL_ICY, MEM_WCY...
    if (ends_with(u, "_INS")) return "instructions";                  // TOT_INS, BR_INS, FP_INS...
    return "events";
  }
  // Native "pmu::EVENT:modifier": look at EVENT.
  std::string base = u;
  if (const std::size_t p = base.find("::"); p != std::string::npos) base = base.substr(p + 2);
  if (const std::size_t p = base.find(':'); p != std::string::npos) base = base.substr(0, p);
  if (base == "TASK-CLOCK" || base == "CPU-CLOCK") return "ns";
  if (base.find("CYCLES") != std::string::npos) return "cycles";
  if (base == "INSTRUCTIONS" || base.rfind("INST_RETIRED", 0) == 0) return "instructions";
  return "events";
}

void release(int& handle) {
  if (handle == PAPI_NULL) return;
  PAPI_cleanup_eventset(handle);
  PAPI_destroy_eventset(&handle);
  handle = PAPI_NULL;
}

}  // namespace

std::string papi_event_for(const std::string& name) {
  static const std::pair<const char*, const char*> kAliases[] = {{"cycles", "PAPI_TOT_CYC"},
                                                                 {"instructions", "PAPI_TOT_INS"},
                                                                 {"ref-cycles", "PAPI_REF_CYC"},
                                                                 {"branch-misses", "PAPI_BR_MSP"},
                                                                 {"l1d-misses", "PAPI_L1_DCM"}};
  for (const auto& [alias, event] : kAliases)
    if (name == alias) return event;
  return name;
}

PapiCounterSet::PapiCounterSet(const std::vector<std::string>& names) {
  const Library& lib = library();
  std::vector<int> codes(names.size(), 0);
  std::vector<bool> resolved(names.size(), false);
  info_.resize(names.size());
  slots_.resize(names.size());

  // Pass 1: names to codes. Unknown names throw here, before any event set exists.
  for (std::size_t i = 0; i < names.size(); ++i) {
    CounterInfo& ci = info_[i];
    ci.name = names[i];
    ci.event = papi_event_for(names[i]);
    ci.unit = unit_for(ci.event);
    if (!lib.ok) {
      ci.source = "unavailable: " + lib.error;
      continue;
    }
    const int rc = PAPI_event_name_to_code(ci.event.c_str(), &codes[i]);
    if (rc == PAPI_OK) {
      resolved[i] = true;
      continue;
    }
    // A disabled perf_event component knows no native names at all: then an unknown name may
    // only be one PAPI cannot see here, so it is reported unavailable rather than unknown.
    std::string disabled;
    for (int c = 0; c < PAPI_num_components(); ++c)
      if (is_perf_event_component(c)) disabled = component_disabled(c);
    if (rc == PAPI_ECMP_DISABLED || !disabled.empty()) {
      ci.source = "unavailable: " + papi_error("PAPI_event_name_to_code", rc) + (disabled.empty() ? "" : "; ") + disabled;
      continue;
    }
    std::string what = "unknown event '" + ci.event + "'";
    if (ci.event != ci.name) what += " (for '" + ci.name + "')";
    what += ": " + papi_error("PAPI_event_name_to_code", rc) +
            "; papi_native_avail and papi_avail list the events this machine's PAPI knows";
    throw UnknownEventError(ci.event, what);
  }
  if (!lib.ok) return;

  // Pass 2: query and add, one event set per component. Nothing here throws but bad_alloc.
  try {
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (!resolved[i]) continue;
      CounterInfo& ci = info_[i];
      const int code = codes[i];
      const int cidx = PAPI_get_event_component(code);
      if (int rc = PAPI_query_event(code); rc != PAPI_OK) {
        ci.source = unavailable_reason("PAPI_query_event(" + ci.event + ")", rc, code, cidx);
        continue;
      }
      auto set = std::find_if(sets_.begin(), sets_.end(), [&](const EventSet& s) { return s.component == cidx; });
      if (set == sets_.end()) {
        EventSet s;
        s.component = cidx;
        s.handle = PAPI_NULL;
        if (int rc = PAPI_create_eventset(&s.handle); rc != PAPI_OK) {
          ci.source = unavailable_reason("PAPI_create_eventset", rc, code, cidx);
          continue;
        }
        sets_.push_back(std::move(s));
        set = sets_.end() - 1;
      }
      // The same event asked twice shares one counter (PAPI refuses a duplicate with ECNFLCT).
      if (auto dup = std::find(set->codes.begin(), set->codes.end(), code); dup != set->codes.end()) {
        slots_[i] = {static_cast<int>(set - sets_.begin()), static_cast<int>(dup - set->codes.begin())};
        ci.available = true;
        ci.source = "papi:" + ci.event;
        continue;
      }
      const int rc = PAPI_add_event(set->handle, code);
      if (rc == PAPI_OK) {
        slots_[i] = {static_cast<int>(set - sets_.begin()), static_cast<int>(set->codes.size())};
        set->codes.push_back(code);
        ci.available = true;
        ci.source = "papi:" + ci.event;
      } else if (rc == PAPI_ECNFLCT || rc == PAPI_EMULPASS) {
        std::string beside;
        for (std::size_t j = 0; j < i; ++j)
          if (slots_[j].set == set - sets_.begin()) beside += (beside.empty() ? "" : ", ") + info_[j].event;
        ci.source = "unavailable: would multiplex (" + papi_error("PAPI_add_event(" + ci.event + ")", rc) +
                    ": the hardware counters cannot hold it beside " + (beside.empty() ? "nothing?" : beside) +
                    "; multiplexing is never enabled, ask for fewer events)";
      } else {
        ci.source = unavailable_reason("PAPI_add_event(" + ci.event + ")", rc, code, cidx);
      }
    }
    // Event sets left empty (every add failed) are released.
    for (auto& s : sets_)
      if (s.codes.empty()) release(s.handle);
    for (auto& s : sets_) s.counts.assign(s.codes.size(), 0);
  } catch (...) {
    for (auto& s : sets_) release(s.handle);
    throw;
  }
}

PapiCounterSet::~PapiCounterSet() {
  if (running_) {
    std::vector<long long> scratch;
    for (auto& s : sets_) {
      if (s.handle == PAPI_NULL) continue;
      scratch.assign(s.codes.size(), 0);
      PAPI_stop(s.handle, scratch.data());
    }
  }
  for (auto& s : sets_) release(s.handle);
}

bool PapiCounterSet::any_available() const {
  return std::any_of(info_.begin(), info_.end(), [](const CounterInfo& c) { return c.available; });
}

void PapiCounterSet::start() {
  if (!any_available()) return;
  for (std::size_t k = 0; k < sets_.size(); ++k) {
    if (sets_[k].handle == PAPI_NULL) continue;
    if (const int rc = PAPI_start(sets_[k].handle); rc != PAPI_OK) {
      for (std::size_t j = 0; j < k; ++j)  // undo the ones already started
        if (sets_[j].handle != PAPI_NULL) PAPI_stop(sets_[j].handle, sets_[j].counts.data());
      throw std::runtime_error(papi_error("PAPI_start", rc));
    }
  }
  running_ = true;
}

void PapiCounterSet::stop() {
  if (!any_available()) return;
  int failed = PAPI_OK;
  for (auto& s : sets_) {
    if (s.handle == PAPI_NULL) continue;
    if (const int rc = PAPI_stop(s.handle, s.counts.data()); rc != PAPI_OK && failed == PAPI_OK) failed = rc;
  }
  running_ = false;
  if (failed != PAPI_OK) {
    measured_ = false;
    throw std::runtime_error(papi_error("PAPI_stop", failed));
  }
  measured_ = true;
}

std::vector<std::optional<long long>> PapiCounterSet::values() const {
  std::vector<std::optional<long long>> out(info_.size());
  if (!measured_) return out;
  for (std::size_t i = 0; i < info_.size(); ++i)
    if (info_[i].available && slots_[i].set >= 0)
      out[i] = sets_[static_cast<std::size_t>(slots_[i].set)].counts[static_cast<std::size_t>(slots_[i].index)];
  return out;
}

std::string papi_version_string() {
  const Library& lib = library();
  if (!lib.ok) return "unavailable: " + lib.error;
  const int v = PAPI_get_opt(PAPI_LIB_VERSION, nullptr);
  if (v < 0) return "unavailable: " + papi_error("PAPI_get_opt(PAPI_LIB_VERSION)", v);
  return std::to_string(PAPI_VERSION_MAJOR(v)) + "." + std::to_string(PAPI_VERSION_MINOR(v)) + "." +
         std::to_string(PAPI_VERSION_REVISION(v)) + "." + std::to_string(PAPI_VERSION_INCREMENT(v));
}

std::vector<ComponentInfo> papi_components() {
  std::vector<ComponentInfo> out;
  if (!library().ok) return out;
  for (int c = 0; c < PAPI_num_components(); ++c) {
    const PAPI_component_info_t* ci = PAPI_get_component_info(c);
    if (!ci) continue;
    out.push_back({ci->name, trim(ci->description), ci->disabled != 0, trim(ci->disabled_reason),
                   ci->num_native_events});
  }
  return out;
}

}  // namespace actbench::counters
