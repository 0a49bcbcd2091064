#!/usr/bin/env bash
# Rows/s of impute and classify: the single-process command (bin/hexagan) against Spark in local[1]
# and local[2] (bin/hexagan-spark, default per-partition seeding), all on one CSV file of ROWS rows
# built from SOURCE (copies, 20% of feature cells blanked MCAR, spark/.../bench/BenchTable), CSV
# in and out. Then (unless SPARK_BENCH_MATCH=0) Spark local[2] with --match-single-machine, whose
# imputed rows must equal the command's byte for byte (checked). Prints a Markdown table; every
# run's output goes to WORK. Other jobs on the machine skew the wall times (the CPU times less).
#   spark/bench/spark-bench.sh MODEL_DIR SOURCE.csv WORK_DIR [ROWS] [LABEL]
#   spark/bench/spark-bench.sh models/credit credit.csv /tmp/bench-spark 5000000 label
# SPARK_BENCH_TASKS="impute" times impute only; SPARK_BENCH_MATCH=0 skips the byte-for-byte check.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [[ $# -lt 3 ]]; then
  sed -n '2,10p' "${BASH_SOURCE[0]}" >&2
  exit 2
fi
model="$1" source="$2" work="$3" rows="${4:-5000000}" label="${5:-label}"
mkdir -p "$work"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

"$root/bin/hexagan" --version >/dev/null
"$root/bin/hexagan-spark" --help >/dev/null
jar="$(ls -t "$root"/spark/target/hexagan-spark-*-linux-*.jar | head -n 1)"
table="$work/table-$rows.csv"
if [[ ! -f "$table" ]]; then
  java -cp "$jar:$(cat "$root/spark/target/spark-classpath.txt")" io.hexagan.spark.bench.BenchTable \
    --source "$source" --label "$label" --rows "$rows" --missing 0.2 --seed 1 --output "$table"
fi

results=()
# timed NAME COMMAND...: runs COMMAND (its output to WORK/NAME.log) and records its wall time and
# CPU time (user + system, its processes'): rows per CPU second hold up better than wall time when
# other jobs share the cores.
timed() {
  local name="$1"
  shift
  local TIMEFORMAT='%R %U %S' times
  times="$( { time "$@" >"$work/$name.log" 2>&1 ; } 2>&1 )" \
    || { echo "spark-bench: $name failed, see $work/$name.log" >&2; exit 1; }
  results+=("$(echo "$times" | awk -v n="$name" -v r="$rows" \
    '{ printf "| %s | %d | %.1f | %.0f | %.1f | %.0f |", n, r, $1, r / $1, $2 + $3, r / ($2 + $3) }')")
  echo "${results[-1]}" >&2
}

for task in ${SPARK_BENCH_TASKS:-impute classify}; do
  timed "hexagan-$task" "$root/bin/hexagan" "$task" --model "$model" --input "$table" \
    --output "$work/hexagan-$task.csv" -q
  for n in 1 2; do
    timed "spark-local$n-$task" "$root/bin/hexagan-spark" --master "local[$n]" "$task" --model "$model" \
      --input "$table" --output "$work/spark-local$n-$task" --overwrite
  done
done
same="not checked (SPARK_BENCH_MATCH=0)"
if [[ "${SPARK_BENCH_MATCH:-1}" != 0 ]]; then
  timed "spark-local2-impute-match-single-machine" "$root/bin/hexagan-spark" --master "local[2]" impute \
    --model "$model" --input "$table" --output "$work/spark-local2-impute-match" --overwrite --match-single-machine
  # The command's rows against Spark's part files in order, headers dropped.
  if cmp -s <(tail -n +2 "$work/hexagan-impute.csv") \
      <(for part in "$work"/spark-local2-impute-match/part-*.csv; do tail -n +2 "$part"; done); then
    same="equal to the command's, byte for byte"
  else
    same="DIFFERENT from the command's"
  fi
fi

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -n 1), load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| run | rows | wall s | rows/s | CPU s | rows per CPU s |"
echo "|---|---:|---:|---:|---:|---:|"
printf '%s\n' "${results[@]}"
echo
echo "spark local[2] --match-single-machine imputed rows: $same"
