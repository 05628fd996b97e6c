// Runs the built actbench executable through the shell and captures what it prints.
#pragma once

#include <array>
#include <cstdio>
#include <string>
#include <sys/wait.h>

namespace actbench::test {

struct CliResult {
  int status = -1;
  std::string out;  // stdout and stderr together
};

inline CliResult run_cli(const std::string& args, const std::string& stdin_text = "", const std::string& env = "") {
  std::string cmd = env + " " + ACTBENCH_EXE + " " + args + " 2>&1";
  // stdin_text is a printf format: \n and \ooo escapes work, and it must hold no ' or %.
  if (!stdin_text.empty()) cmd = "printf -- '" + stdin_text + "' | " + cmd;
  CliResult r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf;
  std::size_t got;
  while ((got = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), got);
  const int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

}  // namespace actbench::test
