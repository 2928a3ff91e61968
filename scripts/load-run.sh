#!/usr/bin/env bash
# The load run (README, "Tests under load"): `npm test` several times in a row while CPU-bound
# processes take cores away from it, as on a shared CI machine. It starts the busy processes,
# runs the suite RUNS times (default 3) beside BUSY of them (default 2), stops them on every way
# out (success, failure, Ctrl-C, kill), and prints each run's result and duration. Each run's
# output and vitest report are kept in test-output/load-run/. Exits non-zero unless every run
# passed.
#
#   bash scripts/load-run.sh                 # 3 runs beside 2 busy processes
#   RUNS=1 BUSY=2 bash scripts/load-run.sh   # one run
#
# Extra arguments go to every `npm test` (and so to vitest), e.g. `bash scripts/load-run.sh
# --project e2e`.
set -uo pipefail
cd "$(dirname "$0")/.."

RUNS="${RUNS:-3}"
BUSY="${BUSY:-2}"
OUT="test-output/load-run"
mkdir -p "$OUT"

# Each background job gets its own process group, so a run can be stopped whole (npm, the D-Bus
# session, vitest and its workers) by its group id.
set -m
busy_pids=()
test_pid=""

stop_all() {
  # Only what this script started, by id: the running `npm test` group, then the busy processes.
  if [ -n "$test_pid" ]; then
    kill -TERM -- "-$test_pid" 2>/dev/null || true
    wait "$test_pid" 2>/dev/null || true
    test_pid=""
  fi
  for pid in "${busy_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${busy_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  busy_pids=()
}
trap stop_all EXIT
trap 'echo; echo "load run interrupted; stopping the test run and the busy processes"; exit 130' INT TERM HUP

for ((i = 0; i < BUSY; i++)); do
  node -e 'for (;;) {}' &
  busy_pids+=("$!")
done
echo "== load run: $RUNS × npm test beside $BUSY busy processes (pids ${busy_pids[*]:-none}) on $(nproc) cores"

# One line ("1,407 of 1,407 tests passed, 0 failed"), then the failed tests, from a vitest report.
summarise() {
  node -e '
    const fs = require("node:fs");
    const file = process.argv[1];
    if (!fs.existsSync(file)) {
      console.log("no test report (the run stopped before the tests)");
      process.exit(0);
    }
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    const n = (x) => x.toLocaleString("en");
    let line = `${n(r.numPassedTests)} of ${n(r.numTotalTests)} tests passed, ${n(r.numFailedTests)} failed`;
    if (r.numFailedTestSuites) line += `, ${r.numFailedTestSuites} files failed`;
    console.log(line);
    for (const f of r.testResults) {
      const name = f.name.replace(process.cwd() + "/", "");
      if (f.status === "failed" && f.assertionResults.every((a) => a.status !== "failed"))
        console.log(`    ✗ ${name}: ${(f.message ?? "").split("\n")[0]}`);
      for (const a of f.assertionResults)
        if (a.status === "failed") console.log(`    ✗ ${name}: ${a.fullName}`);
    }
  ' "$1"
}

results=()
failures=0
for ((run = 1; run <= RUNS; run++)); do
  for pid in "${busy_pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || echo "warning: busy process $pid has gone; this run has less load"
  done
  log="$OUT/run-$run.log"
  report="$OUT/run-$run.json"
  rm -f test-output/vitest.json "$report"
  echo "== run $run of $RUNS (output: $log)"
  started=$(date +%s.%N)
  npm test "$@" </dev/null >"$log" 2>&1 &
  test_pid=$!
  wait "$test_pid"
  status=$?
  test_pid=""
  seconds=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  [ -f test-output/vitest.json ] && cp test-output/vitest.json "$report"
  if [ "$status" -eq 0 ]; then
    result="passed"
  else
    result="FAILED (exit $status)"
    failures=$((failures + 1))
  fi
  line=$(printf 'run %d: %-18s %7s s   %s' "$run" "$result" "$seconds" "$(summarise "$report" | head -n 1)")
  results+=("$line")
  echo "$line"
  summarise "$report" | tail -n +2
  if [ "$status" -ne 0 ]; then
    echo "   last lines of $log:"
    tail -n 20 "$log" | sed 's/^/   | /'
  fi
done

stop_all
echo "== load run summary: $RUNS × npm test beside $BUSY busy processes on $(nproc) cores"
printf '%s\n' "${results[@]}"
[ "$failures" -eq 0 ]
