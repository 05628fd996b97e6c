// Hardware and software event counters through PAPI, each one saying whether it can be counted
// on this machine and, when it cannot, why (no PMU, perf_event_paranoid, disabled component,
// would multiplex). Multiplexing is never turned on: an event that does not fit beside the
// others is reported unavailable instead of being scaled from a fraction of the run.
//
// A counter that cannot be counted reads std::nullopt, never 0.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace actbench::counters {

struct CounterInfo {
  std::string name;    // as asked: "cycles", "PAPI_TOT_INS", "perf::TASK-CLOCK"
  std::string event;   // the PAPI event name used ("cycles" -> "PAPI_TOT_CYC")
  std::string unit;    // "cycles", "instructions", "events" or "ns" (perf::TASK-CLOCK counts ns)
  bool available = false;
  std::string source;  // "papi:PAPI_TOT_CYC" when available, else "unavailable: <PAPI's reason and ours>"
};

// PAPI does not know the event name at all (PAPI_event_name_to_code failed). Raised by the
// PapiCounterSet constructor, before anything is measured; what() names the event and carries
// PAPI's error string.
class UnknownEventError : public std::runtime_error {
 public:
  UnknownEventError(const std::string& event, const std::string& what) : std::runtime_error(what), event_(event) {}
  const std::string& event() const { return event_; }

 private:
  std::string event_;
};

// The PAPI event behind a name: the friendly aliases cycles, instructions, ref-cycles,
// branch-misses and l1d-misses map to presets; any other name is returned unchanged.
std::string papi_event_for(const std::string& name);

// A set of counters for the calling thread (PAPI binds an event set to the thread that creates
// it: construct, start and stop on the thread being measured). Events of different PAPI
// components go to separate event sets, all started and stopped together.
class PapiCounterSet {
 public:
  // Throws UnknownEventError for a name PAPI does not know. Every other problem (PAPI cannot be
  // initialised, the event is known but cannot be counted here, it would need multiplexing)
  // leaves that counter in info() as unavailable with the reason.
  explicit PapiCounterSet(const std::vector<std::string>& names);
  ~PapiCounterSet();
  PapiCounterSet(const PapiCounterSet&) = delete;
  PapiCounterSet& operator=(const PapiCounterSet&) = delete;

  const std::vector<CounterInfo>& info() const { return info_; }
  bool any_available() const;

  // PAPI_start / PAPI_stop on the event sets of the available events; no-ops when none is
  // available. Throw std::runtime_error with PAPI's message if PAPI refuses (e.g. start twice).
  void start();
  void stop();

  // One entry per info() entry: the count between the last start() and stop(). std::nullopt for
  // an unavailable counter, and for every counter before the first stop().
  std::vector<std::optional<long long>> values() const;

 private:
  struct EventSet {
    int component = -1;
    int handle = -1;  // PAPI_NULL until created
    std::vector<int> codes;
    std::vector<long long> counts;
  };
  struct Slot {
    int set = -1;  // index into sets_, -1 when unavailable
    int index = -1;
  };
  std::vector<CounterInfo> info_;
  std::vector<Slot> slots_;
  std::vector<EventSet> sets_;
  bool running_ = false;
  bool measured_ = false;
};

// "7.0.0.0", or "unavailable: <why>" when PAPI cannot be initialised.
std::string papi_version_string();

struct ComponentInfo {
  std::string name, description;
  bool disabled = false;
  std::string disabled_reason;
  int native_events = 0;  // as PAPI says; -1 where a disabled component could not tell
};
// Every component compiled into this PAPI, enabled or not; empty when PAPI cannot be initialised.
std::vector<ComponentInfo> papi_components();

}  // namespace actbench::counters
