// The lesson's claims ("ReLU costs one tick", "sigmoid costs several iterations"), answered with
// one run's numbers. Each claim is a finding in words with the numbers in it, a table, and the
// figures by name (the tests check them against the records they come from).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "analysis/document.hpp"
#include "analysis/run.hpp"

namespace actbench::analysis {

struct Claim {
  std::string title;
  std::string finding;  // empty when the run lacks the kernels to answer it (then `missing` says which)
  std::string missing;
  Table table;
  std::map<std::string, double> figures;
};

// Sigmoid ÷ ReLU, fastest of each, per implementation kind and ISA (f32, L1, throughput and
// latency). figures: "tput:<impl>/<isa>", "tput:all", "tput:all<=2ulp".
Claim sigmoid_over_relu(const Run& run);
// Latency per value of the sign-bit ReLUs against maxps ("one tick"), register-carried figures.
// figures: "signbit" (fastest sign-bit method), "andn" (shift + and-not), "maxps".
Claim one_tick(const Run& run);
// A sign test with a branch under predictable and random signs, with the branchless forms beside.
// figures: "<kernel>:random/positive".
Claim branch_prediction(const Run& run);
// f64 against f32 for kernels that exist in both. figures: "<f64 kernel>" = f64 ÷ f32 throughput.
Claim f64_over_f32(const Run& run);

std::vector<Claim> all_claims(const Run& run);

// The sigmoid error a run measured for a kernel (accuracy.json), else the bound it declared;
// NaN when neither is known.
double sigmoid_ulp(const Run& run, const std::string& kernel, bool* measured = nullptr);

}  // namespace actbench::analysis
