#!/usr/bin/env bash
# Header-only parsing throughput (stop before Pixel Data) of Delineate, dcmdump (dcmtk) and pydicom on the same
# real files, side by side; prints the machine, a Markdown table and the ratios. See docs/performance.md.
#
# Usage: bench/header-parse.sh [SECONDS]   (SECONDS of warm-up and of measurement for the in-process runs, default 10)
# Files: dcm_qa_nih and dcm_qa_xa30i In/ sets of ../shared/testdata (DELINEATE_SHARED overrides), the gzipped ones
# un-gzipped into a temporary folder, plus pydicom's test_files and charset_files. Needs a JDK 17 and Maven for
# Delineate; installs dcmtk and python3-pydicom with apt-get when missing and run as root.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
shared=${DELINEATE_SHARED:-$here/../shared}
seconds=${1:-10}
python=/usr/bin/python3
pydicom_data=/usr/lib/python3/dist-packages/pydicom/data
repeats=3

missing=()
command -v dcmdump >/dev/null || missing+=(dcmtk)
"$python" -c 'import pydicom' 2>/dev/null || missing+=(python3-pydicom)
. "$here/bench/common.sh"
require_packages header-parse "${missing[@]}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/dcm" "$work/classes"

# The files: un-gzip the *.dcm.gz (not a transfer syntax: gzipped afterwards), list the others in place.
list=$work/files.txt
while IFS= read -r f; do
  case $f in
    *.gz) out=$work/dcm/$(basename "${f%.gz}"); gunzip -c "$f" >"$out"; echo "$out" ;;
    *) echo "$f" ;;
  esac
done < <(find "$shared/testdata/dcm_qa_nih/In" "$shared/testdata/dcm_qa_xa30i/In" -type f \
           \( -name '*.dcm' -o -name '*.dcm.gz' \) | sort) >"$list"
find "$pydicom_data/test_files" "$pydicom_data/charset_files" -maxdepth 1 -name '*.dcm' | sort >>"$list"
count=$(wc -l <"$list")
bytes=$(xargs -d '\n' -a "$list" cat | wc -c)
xargs -d '\n' -a "$list" cat >/dev/null  # NB: every tool reads from the page cache.

# Delineate: the dicom module's classes and the benchmark main, outside any jar.
if [ ! -f "$here/dicom/target/classes/org/delineate/dicom/io/DicomReader.class" ]; then
  (cd "$here" && mvn -B -q -pl dicom compile) >&2
fi
cp_delineate=$here/dicom/target/classes:$work/classes
javac -d "$work/classes" -cp "$here/dicom/target/classes" "$here/bench/java/HeaderParseBench.java"

# Runs a command $repeats (or $REPEATS) times; prints the median wall-clock and the median CPU (user + system,
# children included) seconds. NB: CPU time is the steadier measure on a shared machine.
median_time() {
  local walls=() cpus=() n=${REPEATS:-$repeats} TIMEFORMAT='%R %U %S' t
  for _ in $(seq "$n"); do
    t=$( { time "$@" >/dev/null 2>&1; } 2>&1 | tail -1) || true
    walls+=("$(awk '{ print $1 }' <<<"$t")")
    cpus+=("$(awk '{ printf "%.3f", $2 + $3 }' <<<"$t")")
  done
  local mid=$(( (n + 1) / 2 ))
  echo "$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "${mid}p") $(printf '%s\n' "${cpus[@]}" | sort -n | sed -n "${mid}p")"
}
rate() { awk -v n="$count" -v s="$1" 'BEGIN { printf "%.1f", n / s }'; }
field() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<<"$2"; }
wall() { echo "${1% *}"; }
cpu() { echo "${1#* }"; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "header-parse: $count files, $((bytes / 1024 / 1024)) MiB; $seconds s warm-up + $seconds s per in-process run" >&2

delineate_warm=$(java -cp "$cp_delineate" HeaderParseBench "$list" --seconds "$seconds")
delineate_cold=$(median_time java -cp "$cp_delineate" HeaderParseBench "$list" --once)
delineate_failed=$(field failed "$delineate_warm")
pydicom_warm=$("$python" "$here/bench/python/header_parse.py" "$list" --seconds "$seconds")
pydicom_cold=$(median_time "$python" "$here/bench/python/header_parse.py" "$list" --once)
pydicom_failed=$(field failed "$pydicom_warm")
dcmdump_per_file=$(REPEATS=1 median_time xargs -d '\n' -n 1 -a "$list" dcmdump -q +sb 7fe0,0010)
dcmdump_one=$(median_time xargs -d '\n' -a "$list" dcmdump -q +sb 7fe0,0010)
dcmdump_one_quiet=$(median_time xargs -d '\n' -a "$list" dcmdump -q +sb 7fe0,0010 +P 0008,0018)
dcmdump_failed=0
while IFS= read -r f; do
  dcmdump -q +sb 7fe0,0010 "$f" >/dev/null 2>&1 || dcmdump_failed=$((dcmdump_failed + 1))
done <"$list"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

d_warm=$(field median_files_per_s "$delineate_warm")
d_warm_cpu=$(field median_files_per_cpu_s "$delineate_warm")
d_cold=$(rate "$(wall "$delineate_cold")")
d_cold_cpu=$(rate "$(cpu "$delineate_cold")")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
row() { # tool, how, files/s, files/CPU-s, refused
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4" "$5" "$(ratio "$d_warm_cpu" "$4")" \
    "$(ratio "$d_cold_cpu" "$4")"
}
process_row() { # tool, how, "wall cpu", refused
  row "$1" "$2 ($(wall "$3") s wall)" "$(rate "$(wall "$3")")" "$(rate "$(cpu "$3")")" "$4"
}

echo "## Machine"
echo
echo "- CPU: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores available"
echo "- memory: $(free -h | awk '/^Mem:/ { print $2 }')"
echo "- OS: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
echo "- java: $(java -version 2>&1 | head -1); $(java -version 2>&1 | sed -n 3p)"
echo "- dcmtk: $(dcmdump --version | head -1)"
echo "- pydicom: $("$python" -c 'import pydicom; print(pydicom.__version__)'), $("$python" --version)"
echo
echo "- load average (1, 5, 15 min): $load_before before, $load_after after"
echo
echo "## Header-only parsing: $count files, $((bytes / 1024 / 1024)) MiB"
echo
echo "| tool | how | files/s (wall) | files/CPU-s | refused | Delineate warm: x times (CPU) | Delineate cold: x times (CPU) |"
echo "|---|---|---:|---:|---:|---:|---:|"
row Delineate "one JVM, warm (median pass after ${seconds} s warm-up)" "$d_warm" "$d_warm_cpu" "$delineate_failed"
process_row Delineate "one JVM per run, cold, whole process" "$delineate_cold" "$delineate_failed"
row pydicom "one process, warm (median pass after one pass)" "$(field median_files_per_s "$pydicom_warm")" \
  "$(field median_files_per_cpu_s "$pydicom_warm")" "$pydicom_failed"
process_row pydicom "one process per run, whole process" "$pydicom_cold" "$pydicom_failed"
process_row dcmdump "one process per file, +sb 7fe0,0010, full dump; one run" "$dcmdump_per_file" "$dcmdump_failed"
process_row dcmdump "all files per process, +sb 7fe0,0010, full dump" "$dcmdump_one" "$dcmdump_failed"
process_row dcmdump "all files per process, +sb 7fe0,0010, prints one tag" "$dcmdump_one_quiet" "$dcmdump_failed"
echo
echo "Delineate: $delineate_warm"
echo "pydicom: $pydicom_warm"
