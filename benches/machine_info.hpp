// machine.json: what machine a run was made on, as far as this process can tell.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace actbench::bench {

nlohmann::json describe_machine();

// A folder name for results/<machine>/: the CPU brand and family/model, lower case, plus "-vm"
// under a hypervisor. Stable across runs on the same machine.
std::string machine_slug();

}  // namespace actbench::bench
