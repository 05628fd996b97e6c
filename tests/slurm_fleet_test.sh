#!/usr/bin/env bash
# A real Slurm on this host: munged, slurmctld and slurmd on loopback with a one-node
# configuration whose node has two features, then `scripts/fleet` with two targets (one per
# feature) mapped to that node, a smoke profile, and its report job. Checks that both runs and
# the comparison land, and stops every daemon it started. Exit 77 (skipped, with the reason)
# where Slurm cannot be installed or started.
# Usage: slurm_fleet_test.sh ACTBENCH SOURCE_DIR
set -uo pipefail
exe=$1 src=$2
skip() { echo "slurm fleet test skipped: $*"; exit 77; }

if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null; then
  [ "$(id -u)" -eq 0 ] || skip "slurm-wlm and munge are not installed and this is not root"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null 2>&1 ||
    skip "apt-get could not install slurm-wlm and munge"
fi
[ -r /etc/munge/munge.key ] || skip "/etc/munge/munge.key is missing (the munge package creates it)"

work=$(mktemp -d /tmp/actbench-slurm.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for f in slurmd slurmctld munged; do [ -f "$work/$f.pid" ] && kill "$(cat "$work/$f.pid")" 2>/dev/null; done
  sleep 1
  rm -rf "$work"
}
trap cleanup EXIT

host=$(hostname -s)
port=$((16817 + 2 * ($$ % 500)))
mkdir -p "$work/state" "$work/spool"
cat > "$work/slurm.conf" <<CONF
ClusterName=actbenchtest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$work/munge.sock
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
SwitchType=switch/none
ReturnToService=2
MinJobAge=3600
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) Feature=fleet_a,fleet_b State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$work/slurm.conf

t0=$(date +%s)
munged --force --socket="$work/munge.sock" --pid-file="$work/munged.pid" --log-file="$work/munged.log" \
  --seed-file="$work/munge.seed" || skip "munged would not start"
slurmctld -i -f "$SLURM_CONF" || skip "slurmctld would not start: $(tail -3 "$work/slurmctld.log" 2>/dev/null)"
slurmd -f "$SLURM_CONF" -N "$host" || skip "slurmd would not start: $(tail -3 "$work/slurmd.log" 2>/dev/null)"
for _ in $(seq 60); do
  sinfo -h -o %T 2>/dev/null | grep -q idle && break
  sleep 0.5
done
sinfo -h -o %T | grep -q idle || skip "the node never became idle: $(sinfo 2>&1; tail -5 "$work/slurmd.log")"
echo "slurm: munged, slurmctld and slurmd up in $(( $(date +%s) - t0 )) s"
srun --constraint=fleet_a true || { echo "srun with a Feature constraint failed"; exit 1; }

cd "$src"
scripts/fleet -C fleet_a -C fleet_b --profile smoke --results "$work/results" --fleet-dir "$work/fleet" --exe "$exe" \
  --time 20 -k relu/f32/jit/avx2/maxps-u4 -k relu/f32/cpp/scalar/signbit-mask \
  -- --no-accuracy --no-instructions --no-predict --no-calibration || { echo "scripts/fleet failed"; exit 1; }
report_job=$(cat "$work/fleet/report.job")
for _ in $(seq 300); do
  state=$(scontrol show job -o "$report_job" 2>/dev/null | grep -o 'JobState=[A-Z_]*' | cut -d= -f2)
  case "$state" in COMPLETED|FAILED|CANCELLED|TIMEOUT|NODE_FAIL) break ;; esac
  sleep 1
done
echo "report job $report_job: $state after $(( $(date +%s) - t0 )) s"
for f in "$work"/fleet/logs/*; do echo "== $f"; tail -5 "$f"; done

fail=0
check() { if ! eval "$1"; then echo "FAILED: $2"; fail=1; fi; }
check '[ "$state" = COMPLETED ]' "the report job completed"
check '[ -s "$work/fleet/fleet.md" ]' "fleet.md was written"
runs=$(ls -d "$work"/results/*/*/ 2>/dev/null | wc -l)
check '[ "$runs" -eq 2 ]' "two runs landed (found $runs)"
for r in "$work"/results/*/*/; do
  check 'grep -q "\"exclusive\": true" "$r/fleet.json"' "$r/fleet.json says the node was exclusive"
  check '[ -s "$r/bench.json" ] && [ -s "$r/report.md" ]' "$r has bench.json and report.md"
done
check 'grep -q "| fleet_a | .* | COMPLETED |" "$work/fleet/fleet.md"' "fleet.md lists target fleet_a as COMPLETED"
check 'grep -q "| fleet_b | .* | COMPLETED |" "$work/fleet/fleet.md"' "fleet.md lists target fleet_b as COMPLETED"
check 'grep -q "Cycles per value, throughput" "$work/fleet/fleet.md"' "fleet.md holds the comparison table"
check 'grep -q "relu/f32/cpp/scalar/signbit-mask" "$work/fleet/fleet.md"' "the comparison names the kernels"
[ $fail -eq 0 ] && { echo "fleet report:"; head -30 "$work/fleet/fleet.md"; }

# A target whose job fails is listed with its Slurm state, and the report still comes.
scripts/fleet -C fleet_a --profile smoke --results "$work/results-bad" --fleet-dir "$work/bad" --exe /bin/false \
  --time 5 >/dev/null || { echo "scripts/fleet (failing target) failed to submit"; exit 1; }
bad_job=$(cat "$work/bad/report.job")
for _ in $(seq 120); do
  scontrol show job -o "$bad_job" 2>/dev/null | grep -q 'JobState=COMPLETED' && break
  sleep 1
done
check 'grep -q "| fleet_a | .* | FAILED |" "$work/bad/fleet.md"' "a failed target is listed as FAILED"
check 'grep -q "0 run(s) finished" "$work/bad/fleet.md"' "the report says how many runs finished"
exit $fail
