#!/usr/bin/env bash
# Opening a CT series as a volume: Delineate, ImageJ 1.x (FolderOpener, as File > Import > Image Sequence) and
# dcm2niix on the same 512 x 512 x 500 series, side by side; prints the machine, a Markdown table and the ratios.
# See docs/performance.md.
#
# Usage: bench/open-volume.sh [FOLDER]
#   FOLDER: where the series is (generated into it when it holds no file); default a temporary folder, removed after.
# Environment: REPEATS (runs per tool, median reported; default 5), SLICES (default 500), CACHE=drop|warm (default
# drop when root may write /proc/sys/vm/drop_caches: the page cache is dropped before every run; warm: the files are
# read once before the runs and every tool reads from the page cache).
# Needs a JDK 17 and Maven (the dicom module's classes and ImageJ's jar from ~/.m2), dcm2niix and GNU time
# (installed with apt-get when missing and run as root).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
shared=${DELINEATE_SHARED:-$here/../shared}
repeats=${REPEATS:-5}
slices=${SLICES:-500}

missing=()
command -v dcm2niix >/dev/null || missing+=(dcm2niix)
[ -x /usr/bin/time ] || missing+=(time)
. "$here/bench/common.sh"
require_packages open-volume "${missing[@]}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/classes" "$work/nii"
folder=${1:-$work/series}

# Classes: the dicom module and its runtime dependencies (ImgLib2), ImageJ 1.x as the plugins module resolves it.
if [ ! -f "$here/dicom/target/classes/org/delineate/dicom/series/StackVolumes.class" ]; then
  (cd "$here" && mvn -B -q -pl dicom compile) >&2
fi
(cd "$here" && mvn -B -q -o -pl dicom dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile="$work/dicom.cp") >&2
# NB: ImageJ's version is the one pom-scijava manages for the plugins module; its jar comes from ~/.m2 (fetched when
# missing), so that nothing of ours needs to be installed there.
ij_version=$(cd "$here" && mvn -B -q -pl plugins help:evaluate -Dexpression=ij.version -DforceStdout | sed 's/\x1b\[[0-9;]*m//g' | tail -1)
ij_jar=$HOME/.m2/repository/net/imagej/ij/$ij_version/ij-$ij_version.jar
[ -f "$ij_jar" ] || (cd "$here" && mvn -B -q dependency:get -Dartifact="net.imagej:ij:$ij_version") >&2
cp_delineate=$here/dicom/target/classes:$(cat "$work/dicom.cp"):$work/classes
cp_imagej=$ij_jar:$work/classes
javac -d "$work/classes" -cp "$cp_delineate" "$here/bench/java/GenerateCtSeries.java" "$here/bench/java/OpenVolumeBench.java"
javac -d "$work/classes" -cp "$cp_imagej" "$here/bench/java/ImageJOpenBench.java"
javac -d "$work/classes" -cp "$cp_delineate:$ij_jar" "$here/bench/java/OpenSideBySide.java"

if [ -z "$(ls -A "$folder" 2>/dev/null)" ]; then
  echo "open-volume: writing $slices slices into $folder" >&2
  java -cp "$cp_delineate" GenerateCtSeries "$shared/testdata/dcmqi_testdata" "$folder" "$slices" >&2
fi
count=$(find "$folder" -type f | wc -l)
bytes=$(find "$folder" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')

cache=${CACHE:-}
if [ -z "$cache" ]; then
  if [ "$(id -u)" = 0 ] && (sync && echo 3 >/proc/sys/vm/drop_caches) 2>/dev/null; then cache=drop; else cache=warm; fi
fi
prepare() {
  # NB: dirty pages of earlier runs' outputs are written back first, not during the next run
  sync
  if [ "$cache" = drop ]; then
    echo 3 >/proc/sys/vm/drop_caches
  fi
}
[ "$cache" = warm ] && find "$folder" -type f -exec cat {} + >/dev/null

# The medians, column by column, of lines "wall cpu rss in-process".
medians() {
  local col n=$#
  for col in 1 2 3 4; do
    printf '%s\n' "$@" | cut -d' ' -f"$col" | sort -n | sed -n "$(( (n + 1) / 2 ))p"
  done | paste -sd' '
}

# Runs "$@" $repeats times (the cache dropped before each run when CACHE=drop); prints the medians of wall-clock
# seconds, CPU seconds (user + system) and maximum resident set size (MiB), and, when the command prints
# "total_s=" lines, the median of the value on iteration $ITERATION (default 1) in-process.
measure() {
  local runs=() t line inproc it=${ITERATION:-1}
  for _ in $(seq "$repeats"); do
    prepare
    /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >"$work/out" 2>"$work/err" \
      || { echo "open-volume: failed: $*" >&2; cat "$work/err" >&2; exit 1; }
    t=$(tail -1 "$work/time")
    line=$(grep "^iteration=$it " "$work/out" || true)
    inproc=-
    [ -n "$line" ] && inproc=$(sed -n 's/.*total_s=\([^ ]*\).*/\1/p' <<<"$line")
    runs+=("$(awk -v i="$inproc" '{ printf "%s %.2f %.0f %s", $1, $2 + $3, $4 / 1024, i }' <<<"$t")")
    cp "$work/out" "$work/last_out"
  done
  medians "${runs[@]}"
}

# The options ./delineate uses for convert (see the launcher), for the runs that show Delineate as users run it.
launcher_opts=(-XX:+UseParallelGC -XX:TieredStopAtLevel=1)

# Whether a tool opens the whole series in a heap of $1 bytes (printing its last line, or the error).
fits() { # bytes, tool, java options...
  local heap=$1 tool=$2 out
  shift 2
  if [ "$tool" = Delineate ]; then
    out=$(java -Xmx"$heap" "$@" -cp "$cp_delineate" OpenVolumeBench "$folder" 1 2>&1) || { echo "fails: $(grep -m1 -o 'OutOfMemoryError.*' <<<"$out")"; return; }
  else
    out=$(java -Xmx"$heap" "$@" -Djava.awt.headless=true -cp "$cp_imagej" ImageJOpenBench "$folder" 1 2>&1) || { echo "fails: $(grep -m1 -o 'OutOfMemoryError.*' <<<"$out")"; return; }
  fi
  local n=$(sed -n 's/.*size=[0-9]*x[0-9]*x\([0-9]*\).*/\1/p' <<<"$out")
  if [ "$n" = "$slices" ]; then echo ok; else echo "fails: opened ${n:-no} of $slices slices"; fi
}

# The smallest -Xmx, in steps of 32 MiB from 288 MiB up to 1024 MiB, with which a tool opens all slices.
min_heap() { # tool, java options...
  local m tool=$1
  shift
  for m in $(seq 256 32 1024); do
    [ "$(fits "${m}m" "$tool" "$@")" = ok ] && { echo "$m"; return; }
  done
  echo "> 1024"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "open-volume: $count files, $((bytes / 1024 / 1024)) MiB, cache $cache, $repeats runs per tool" >&2

d_cold=$(measure java -cp "$cp_delineate" OpenVolumeBench "$folder" 1)
d_cold_out=$(cat "$work/last_out")
d_launch=$(measure java "${launcher_opts[@]}" -cp "$cp_delineate" OpenVolumeBench "$folder" 1)
"$here/delineate" --version >/dev/null  # builds the command line if needed, outside the timed runs
d_warm=$(ITERATION=2 measure java -cp "$cp_delineate" OpenVolumeBench "$folder" 2)
d_warm_out=$(cat "$work/last_out")
ij_cold=$(measure java -Djava.awt.headless=true -cp "$cp_imagej" ImageJOpenBench "$folder" 1)
ij_cold_out=$(cat "$work/last_out")
ij_warm=$(ITERATION=2 measure java -Djava.awt.headless=true -cp "$cp_imagej" ImageJOpenBench "$folder" 2)
ij_launch=$(measure java "${launcher_opts[@]}" -Djava.awt.headless=true -cp "$cp_imagej" ImageJOpenBench "$folder" 1)
# Both warm in one JVM, alternating, as in a running Fiji (default collector, as Fiji starts Java).
side=$(java -Xmx3g -Djava.awt.headless=true -cp "$cp_delineate:$ij_jar" OpenSideBySide "$folder" "${ROUNDS:-12}" | grep '^summary')
# The same with the heap already grown to 3 GiB (-Xms3g), as in a Fiji that has held big images: the collector then
# runs far less during an open, so the readers' own costs show.
side_grown=$(java -Xmx3g -Xms3g -Djava.awt.headless=true -cp "$cp_delineate:$ij_jar" OpenSideBySide "$folder" "${ROUNDS:-12}" | grep '^summary')
# The two conversions to NIfTI take turns, run by run: on this kind of virtual machine the kernel's cost of new
# page-cache pages (both write 250 MiB) swings from run to run by more than the tools differ.
convert_runs=()
nii_runs=()
for _ in $(seq "$repeats"); do
  convert_runs+=("$(repeats=1 measure bash -c "rm -rf '$work/dnii' && mkdir '$work/dnii' && exec '$here/delineate' convert '$folder' '$work/dnii/vol.nii'")")
  nii_runs+=("$(repeats=1 measure bash -c "rm -rf '$work/nii' && mkdir '$work/nii' && exec dcm2niix -z n -o '$work/nii' -f vol '$folder'")")
  nii_out=$(cat "$work/last_out")
done
d_convert=$(medians "${convert_runs[@]}")
nii=$(medians "${nii_runs[@]}")
nii_core=$(sed -n 's/.*(\([0-9.]*\) for core code).*/\1/p' <<<"$nii_out")

voxel_bytes=$(sed -n 's/.*voxel_bytes=\([0-9]*\).*/\1/p' <<<"$d_cold_out")
limit=$(awk -v v="$voxel_bytes" 'BEGIN { printf "%.0f", v * 1.15 }')
d_fits_g1=$(fits "$limit" Delineate)
ij_fits_g1=$(fits "$limit" ImageJ)
d_fits_big=$(fits "$limit" Delineate -XX:G1HeapRegionSize=16m)
ij_fits_big=$(fits "$limit" ImageJ -XX:G1HeapRegionSize=16m)
d_min=$(min_heap Delineate)
ij_min=$(min_heap ImageJ)
d_fits_par=$(fits "$limit" Delineate -XX:+UseParallelGC)
ij_fits_par=$(fits "$limit" ImageJ -XX:+UseParallelGC)
d_min_par=$(min_heap Delineate -XX:+UseParallelGC)
ij_min_par=$(min_heap ImageJ -XX:+UseParallelGC)
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

field() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<<"$2" | head -1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
w() { echo "$1" | cut -d' ' -f1; }
c() { echo "$1" | cut -d' ' -f2; }
r() { echo "$1" | cut -d' ' -f3; }
i() { echo "$1" | cut -d' ' -f4; }

echo "## Machine"
echo
echo "- CPU: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores available"
echo "- memory: $(free -h | awk '/^Mem:/ { print $2 }')"
echo "- OS: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
echo "- java: $(java -version 2>&1 | head -1); $(java -version 2>&1 | sed -n 3p)"
echo "- ImageJ: $ij_version; dcm2niix: $(dcm2niix -h 2>&1 | sed -n 's/.*version \(v[0-9.]*\).*/\1/p' | head -1)"
echo "- load average (1, 5, 15 min): $load_before before, $load_after after"
echo
echo "## Opening a volume: $count files, $((bytes / 1024 / 1024)) MiB, $(field size "$d_cold_out"), cache $cache, median of $repeats"
echo
echo "| tool | how | wall s | CPU s | max RSS MiB | in-process s | Delineate cold is x times faster (wall) |"
echo "|---|---|---:|---:|---:|---:|---:|"
echo "| Delineate | new JVM, scan + read | $(w "$d_cold") | $(c "$d_cold") | $(r "$d_cold") | $(i "$d_cold") | 1.0 |"
echo "| Delineate | new JVM, scan + read, launcher options (${launcher_opts[*]}) | $(w "$d_launch") | $(c "$d_launch") | $(r "$d_launch") | $(i "$d_launch") | - |"
echo "| Delineate | same JVM, 2nd iteration (in-process) | - | - | - | $(i "$d_warm") | - |"
echo "| ImageJ | new JVM, FolderOpener.open | $(w "$ij_cold") | $(c "$ij_cold") | $(r "$ij_cold") | $(i "$ij_cold") | $(ratio "$(w "$ij_cold")" "$(w "$d_cold")") |"
echo "| ImageJ | same JVM, 2nd iteration (in-process) | - | - | - | $(i "$ij_warm") | $(ratio "$(i "$ij_warm")" "$(i "$d_warm")") (warm vs warm) |"
echo "| ImageJ | new JVM, FolderOpener.open, launcher options | $(w "$ij_launch") | $(c "$ij_launch") | $(r "$ij_launch") | $(i "$ij_launch") | $(ratio "$(w "$ij_launch")" "$(w "$d_launch")") (same options) |"
echo "| dcm2niix | -z n, whole process (core code $nii_core s) | $(w "$nii") | $(c "$nii") | $(r "$nii") | - | $(ratio "$(w "$nii")" "$(w "$d_cold")") |"
echo "| Delineate | in one JVM with ImageJ, alternating, warm (median of $(field rounds "$side") rounds; min $(field delineate_min_s "$side") s) | - | - | - | $(field delineate_median_s "$side") | $(field ratio_median "$side") (ImageJ / Delineate, median; $(field ratio_min "$side") min, $(field ratio_cpu "$side") CPU) |"
echo "| ImageJ | in one JVM with Delineate, alternating, warm (min $(field imagej_min_s "$side") s) | - | - | - | $(field imagej_median_s "$side") | - |"
echo "| Delineate | the same, heap grown to 3 GiB (-Xms3g; min $(field delineate_min_s "$side_grown") s) | - | - | - | $(field delineate_median_s "$side_grown") | $(field ratio_median "$side_grown") (median; $(field ratio_min "$side_grown") min, $(field ratio_cpu "$side_grown") CPU) |"
echo "| ImageJ | the same, heap grown to 3 GiB (min $(field imagej_min_s "$side_grown") s) | - | - | - | $(field imagej_median_s "$side_grown") | - |"
echo "| Delineate | ./delineate convert to .nii, whole process | $(w "$d_convert") | $(c "$d_convert") | $(r "$d_convert") | - | $(ratio "$(w "$nii")" "$(w "$d_convert")") (dcm2niix vs convert) |"
echo
echo "- Delineate in-process, cold: $(field scan_s "$d_cold_out") s scan, $(field read_s "$d_cold_out") s read; warm: $(sed -n 's/^iteration=2 .*scan_s=\([^ ]*\) read_s=\([^ ]*\).*/\1 s scan, \2 s read/p' <<<"$d_warm_out")"
echo "- live heap after a full GC, volume held: Delineate $(field live_per_voxel_byte "$d_cold_out") x, ImageJ $(field live_per_voxel_byte "$ij_cold_out") x the voxel bytes ($voxel_bytes)"
echo "- -Xmx $limit (1.15 x voxel bytes), default G1: Delineate $d_fits_g1; ImageJ $ij_fits_g1"
echo "- -Xmx $limit, G1 with 16 MiB regions: Delineate $d_fits_big; ImageJ $ij_fits_big"
echo "- smallest -Xmx (MiB, 32 MiB steps, default G1) that opens all slices: Delineate $d_min, ImageJ $ij_min; voxel bytes are $((voxel_bytes / 1048576)) MiB"
echo "- -Xmx $limit, parallel collector (as ./delineate runs): Delineate $d_fits_par; ImageJ $ij_fits_par; smallest -Xmx: Delineate $d_min_par MiB, ImageJ $ij_min_par MiB"
echo "- CPU: Delineate $(ratio "$(c "$ij_cold")" "$(c "$d_cold")") x less than ImageJ, $(ratio "$(c "$nii")" "$(c "$d_cold")") x less than dcm2niix (cold, whole process)"
