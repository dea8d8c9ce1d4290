#!/usr/bin/env bash
# DICOM-SEG: writing a 512 x 512 x 300 BINARY SEG of 5 segments (CtPhantom organs) with Delineate and with PixelMed's
# IndexedLabelMapToSegmentation (same label map DICOM in, same reference CT), and reading a 100-segment SEG with
# Delineate; prints the machine (with the load average) and Markdown tables of wall and CPU time. See
# docs/performance.md.
#
# Usage: bench/seg.sh        Environment: REPEATS (in-process iterations, median of all but the first; default 8),
#                            RUNS (whole-process runs per tool and JVM setting, median; default 3)
# Needs a JDK 17, Maven (the dicom module's classes) and libpixelmed-java (installed with apt-get when run as root).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
repeats=${REPEATS:-8}
runs=${RUNS:-3}
missing=()
[ -f /usr/share/java/pixelmed.jar ] || missing+=(libpixelmed-java)
command -v /usr/bin/time >/dev/null || missing+=(time)
. "$here/bench/common.sh"
require_packages seg "${missing[@]}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/classes" "$work/pm"
if [ ! -f "$here/dicom/target/classes/org/delineate/dicom/seg/SegmentationWriter.class" ]; then
  (cd "$here" && mvn -B -q -pl dicom compile) >&2
fi
(cd "$here" && mvn -B -q -o -pl dicom dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile="$work/dicom.cp") >&2
# PixelMed and the Debian jars its package depends on (dpkg -s libpixelmed-java).
cp_pixelmed_jars=$(for j in pixelmed commons-codec commons-net hsqldb jaxb-api jmdns javax.json slf4j-api vecmath; do
  printf '/usr/share/java/%s.jar:' "$j"; done)
cp_pixelmed=$cp_pixelmed_jars$work/pm
javac -d "$work/classes" -cp "$here/dicom/target/classes:$(cat "$work/dicom.cp")" "$here/bench/java/SegBench.java"
javac -d "$work/pm" -cp "$cp_pixelmed" "$here/bench/java/PixelMedSegBench.java"
# NB: jars, not folders: a class-data-sharing archive only takes classes from jars.
jar cf "$work/dicom.jar" -C "$here/dicom/target/classes" .
jar cf "$work/segbench.jar" -C "$work/classes" .
jar cf "$work/pmbench.jar" -C "$work/pm" .
cp_delineate=$work/dicom.jar:$(cat "$work/dicom.cp"):$work/segbench.jar
cp_pixelmed=$cp_pixelmed_jars$work/pmbench.jar

echo "seg: preparing the 512 x 512 x 300 phantom, its label map and a 100-segment SEG" >&2
java -cp "$cp_delineate" SegBench prepare "$work/ct" "$work/w" 300 >&2
threads=$(nproc)
printf '.level=WARNING\n' >"$work/logging.properties"
pixelmed_cli=(-Djava.util.logging.config.file="$work/logging.properties" -cp "$cp_pixelmed"
  com.pixelmed.convert.IndexedLabelMapToSegmentation "$work/w/labels.dcm" "$work/w/labels.csv" "$work/w/p.dcm"
  "$work/ct/ct0000.dcm")
delineate_cli=(-cp "$cp_delineate" SegBench write "$work/ct" "$work/w" 1)
# JVM settings for whole processes, the same for both tools: the defaults; the options ./delineate gives `seg`
# (parallel collector, C1 compiler only); those plus an application class-data-sharing archive (classes mapped from
# an archive made by one training run of each tool).
launcher=(-Xmx4g -XX:+UseParallelGC -XX:TieredStopAtLevel=1)
echo "seg: training the class-data-sharing archives" >&2
java "${launcher[@]}" -XX:ArchiveClassesAtExit="$work/delineate.jsa" "${delineate_cli[@]}" >/dev/null 2>&1
java "${launcher[@]}" -XX:ArchiveClassesAtExit="$work/pixelmed.jsa" "${pixelmed_cli[@]}" >/dev/null 2>&1
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

echo "seg: in-process runs" >&2
java -cp "$cp_delineate" SegBench write "$work/ct" "$work/w" "$repeats" "$threads" >"$work/d_write"
java -cp "$cp_delineate" SegBench write "$work/ct" "$work/w" "$repeats" 1 >"$work/d_write1"
java -cp "$cp_pixelmed" PixelMedSegBench "$work/w" "$work/ct/ct0000.dcm" "$repeats" >"$work/p_write" 2>/dev/null
java -cp "$cp_delineate" SegBench read "$work/ct" "$work/w" "$repeats" >"$work/d_read"

echo "seg: whole processes, $runs runs each, alternating" >&2
: >"$work/procs"
for run in $(seq "$runs"); do
  for tool in delineate pixelmed; do
    for jvm in default launcher cds; do
      if [ "$tool" = delineate ]; then args=("${delineate_cli[@]}"); else args=("${pixelmed_cli[@]}"); fi
      opts=()
      [ "$jvm" = launcher ] && opts=("${launcher[@]}")
      [ "$jvm" = cds ] && opts=("${launcher[@]}" -XX:SharedArchiveFile="$work/$tool.jsa")
      /usr/bin/time -f "$tool $jvm %e %U %S" -a -o "$work/procs" java "${opts[@]}" "${args[@]}" >/dev/null 2>&1
    done
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# Median of key over iterations 2.. of a file of key=value lines.
med() { grep -v '^iteration=1 ' "$1" | sed -n "s/.*\b$2=\([^ ]*\).*/\1/p" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
first() { sed -n "1s/.*\b$2=\([^ ]*\).*/\1/p" "$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
# Median wall (field 3) or CPU = user + sys (fields 4 + 5) of the whole-process runs of a tool and JVM setting.
proc() { awk -v t="$1" -v j="$2" -v f="$3" '$1 == t && $2 == j { print (f == "wall" ? $3 : $4 + $5) }' "$work/procs" \
  | sort -n | awk '{ a[NR] = $1 } END { printf "%.2f", a[int((NR + 1) / 2)] }'; }

p_wall=$(med "$work/p_write" total_s)
p_cpu=$(med "$work/p_write" cpu_s)
echo "## Machine"
echo
echo "- CPU: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores available; memory $(free -h | awk '/^Mem:/ { print $2 }')"
echo "- java: $(java -version 2>&1 | head -1); PixelMed: $(dpkg-query -W -f '${Version}' libpixelmed-java 2>/dev/null)"
echo "- load average (1, 5, 15 min): $load_before before, $load_after after"
echo
echo "## Writing 5 segments, 512 x 512 x 300 (BINARY, $(first "$work/d_write" frames) frames), median of iterations 2..$repeats"
echo
echo "CPU: of the whole process (all threads, garbage collector and JIT compiler included) while the step ran."
echo
echo "| tool | what is timed | wall s | CPU s | PixelMed / Delineate, wall | PixelMed / Delineate, CPU |"
echo "|---|---|---:|---:|---:|---:|"
for f in d_write d_write1; do
  n=$([ "$f" = d_write ] && echo "$threads threads" || echo "1 thread")
  echo "| Delineate | SegmentationWriter.write, labels in memory, $n | $(med "$work/$f" write_s) | $(med "$work/$f" write_cpu_s) |" \
    "$(ratio "$p_wall" "$(med "$work/$f" write_s)") | $(ratio "$p_cpu" "$(med "$work/$f" write_cpu_s)") |"
  echo "| Delineate | scan CT headers + read labels.dcm + write, $n | $(med "$work/$f" total_s) | $(med "$work/$f" total_cpu_s) |" \
    "$(ratio "$p_wall" "$(med "$work/$f" total_s)") | $(ratio "$p_cpu" "$(med "$work/$f" total_cpu_s)") |"
done
echo "| PixelMed | IndexedLabelMapToSegmentation (reads labels.dcm and the reference CT, writes) | $p_wall | $p_cpu | 1.0 | 1.0 |"
echo
echo "Delineate's steps, $threads threads (wall s): scan CT headers $(med "$work/d_write" scan_s), read labels.dcm" \
  "$(med "$work/d_write" labels_s), write $(med "$work/d_write" write_s)."
echo
echo "## Whole processes (new JVM, one write each), median of $runs runs"
echo
echo "| tool | JVM options | wall s | CPU s (user + sys) | PixelMed / Delineate, wall | PixelMed / Delineate, CPU |"
echo "|---|---|---:|---:|---:|---:|"
for jvm in default launcher cds; do
  case $jvm in
    default) o="(defaults)" ;;
    launcher) o="${launcher[*]} (./delineate's for seg)" ;;
    cds) o="the same + -XX:SharedArchiveFile=(its archive)" ;;
  esac
  echo "| Delineate, SegBench write | $o | $(proc delineate $jvm wall) | $(proc delineate $jvm cpu) |" \
    "$(ratio "$(proc pixelmed $jvm wall)" "$(proc delineate $jvm wall)") | $(ratio "$(proc pixelmed $jvm cpu)" "$(proc delineate $jvm cpu)") |"
  echo "| PixelMed, its command line | $o | $(proc pixelmed $jvm wall) | $(proc pixelmed $jvm cpu) | 1.0 | 1.0 |"
done
echo
echo "## Reading 100 segments ($(first "$work/d_read" frames) frames of 512 x 512) and placing them on the CT, merged label map included"
echo
echo "| what | wall s (median of 2..$repeats) | CPU s | first iteration s |"
echo "|---|---:|---:|---:|"
echo "| SegmentationReader.read + place | $(med "$work/d_read" read_s) | $(med "$work/d_read" read_cpu_s) | $(first "$work/d_read" read_s) |"
echo "| all 100 segment volumes, one after another (first iteration) | $(first "$work/d_read" all_volumes_s) | - | - |"
