#!/usr/bin/env bash
# End to end: a small `actbench run` writes its report (report.md, report.html, figures.csv, plots),
# `actbench compare` sets it beside a committed run of a different kernel set, and both HTML files
# open in headless Chromium without console errors. Exit 77 (skipped) without Chromium.
# Usage: report_html_check.sh ACTBENCH SOURCE_DIR
set -euo pipefail
exe=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$exe" run --results "$work/results" --machine smoke --no-calibration --profile quick \
  -k 'relu/f32/jit/avx2/*' -k 'relu/f32/jit/scalar/*' -k 'sigmoid/f32/jit/avx2/*p5*' -k sigmoid/f32/cpp/scalar/libm \
  >"$work/run.log" 2>&1 || { cat "$work/run.log"; exit 1; }
run=$(ls -d "$work"/results/smoke/*/)
for f in report.md report.html figures.csv accuracy.json; do
  [ -s "$run/$f" ] || { echo "missing $run/$f"; ls -la "$run"; exit 1; }
done
grep -q "The lesson's claims, measured" "$run/report.md" || { echo "report.md lacks the claims section"; exit 1; }
# The claims must carry numbers: the sigmoid/ReLU finding names a ratio like "12.3x".
grep -Eq 'sigmoid costs [0-9.]+x ReLU' "$run/report.md" || { echo "claims without numbers"; grep -A3 'claims' "$run/report.md"; exit 1; }
if command -v gnuplot >/dev/null; then
  for p in working_set latency_vs_throughput speed_vs_accuracy; do
    grep -q '<svg' "$run/plots/$p.svg" || { echo "plot $p missing"; exit 1; }
  done
fi
committed=$(ls -d "$src"/results/*/*/ | grep -v comparisons | tail -1)
"$exe" compare "$run" "$committed" --out "$work/cmp" --baseline 2 >"$work/cmp.log" 2>&1 || { cat "$work/cmp.log"; exit 1; }
cat "$work/cmp.log"
grep -q 'compared 2 runs' "$work/cmp.log"
# A second compare into the same folder must refuse rather than overwrite.
if "$exe" compare "$run" "$committed" --out "$work/cmp" >/dev/null 2>&1; then echo "compare overwrote a comparison"; exit 1; fi
"$src/scripts/check-html" "$run/report.html" "$work/cmp/compare.html"
