#!/usr/bin/env bash
# DICOM-SEG: writing a 512 x 512 x 300 BINARY SEG of 5 segments (CtPhantom organs) with Delineate and with PixelMed's
# IndexedLabelMapToSegmentation (same label map DICOM in, same reference CT), and reading a 100-segment SEG with
# Delineate; prints the machine (with the load average) and a Markdown table. See docs/performance.md.
#
# Usage: bench/seg.sh        Environment: REPEATS (in-process iterations, median of all but the first; default 5)
# Needs a JDK 17, Maven (the dicom module's classes) and libpixelmed-java (installed with apt-get when run as root).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
repeats=${REPEATS:-5}
missing=()
[ -f /usr/share/java/pixelmed.jar ] || missing+=(libpixelmed-java)
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
cp_delineate=$here/dicom/target/classes:$(cat "$work/dicom.cp"):$work/classes
# PixelMed and the Debian jars its package depends on (dpkg -s libpixelmed-java).
cp_pixelmed=$(for j in pixelmed commons-codec commons-net hsqldb jaxb-api jmdns javax.json slf4j-api vecmath; do
  printf '/usr/share/java/%s.jar:' "$j"; done)$work/pm
javac -d "$work/classes" -cp "$cp_delineate" "$here/bench/java/SegBench.java"
javac -d "$work/pm" -cp "$cp_pixelmed" "$here/bench/java/PixelMedSegBench.java"

echo "seg: preparing the 512 x 512 x 300 phantom, its label map and a 100-segment SEG" >&2
java -cp "$cp_delineate" SegBench prepare "$work/ct" "$work/w" 300 >&2
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
java -cp "$cp_delineate" SegBench write "$work/ct" "$work/w" "$repeats" >"$work/d_write"
java -cp "$cp_pixelmed" PixelMedSegBench "$work/w" "$work/ct/ct0000.dcm" "$repeats" >"$work/p_write" 2>/dev/null
java -cp "$cp_delineate" SegBench read "$work/ct" "$work/w" "$repeats" >"$work/d_read"
# Whole processes, one run each: PixelMed's own command line (INFO logging off) and Delineate's SegBench write.
printf '.level=WARNING\n' >"$work/logging.properties"
p_cli=$( { /usr/bin/time -f %e java -Djava.util.logging.config.file="$work/logging.properties" -cp "$cp_pixelmed" \
  com.pixelmed.convert.IndexedLabelMapToSegmentation "$work/w/labels.dcm" "$work/w/labels.csv" "$work/w/p.dcm" \
  "$work/ct/ct0000.dcm" >/dev/null 2>"$work/p_err"; } 2>&1; tail -1 "$work/p_err")
d_cli=$( { /usr/bin/time -f %e java -cp "$cp_delineate" SegBench write "$work/ct" "$work/w" 1 >/dev/null; } 2>&1)
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# Median of key over iterations 2.. of a file of key=value lines.
med() { grep -v '^iteration=1 ' "$1" | sed -n "s/.*\b$2=\([^ ]*\).*/\1/p" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
first() { sed -n "1s/.*\b$2=\([^ ]*\).*/\1/p" "$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
p_cli=$(tail -1 <<<"$p_cli")

echo "## Machine"
echo
echo "- CPU: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores available; memory $(free -h | awk '/^Mem:/ { print $2 }')"
echo "- java: $(java -version 2>&1 | head -1); PixelMed: $(dpkg-query -W -f '${Version}' libpixelmed-java 2>/dev/null)"
echo "- load average (1, 5, 15 min): $load_before before, $load_after after"
echo
echo "## Writing 5 segments, 512 x 512 x 300 (BINARY, $(first "$work/d_write" frames) frames), median of iterations 2..$repeats"
echo
echo "| tool | what is timed | wall s | thread CPU s | PixelMed / Delineate (wall) |"
echo "|---|---|---:|---:|---:|"
echo "| Delineate | SegmentationWriter.write, labels in memory | $(med "$work/d_write" write_s) | $(med "$work/d_write" write_cpu_s) | $(ratio "$(med "$work/p_write" total_s)" "$(med "$work/d_write" write_s)") |"
echo "| Delineate | read labels.dcm + CT headers, write | $(med "$work/d_write" total_s) | - | $(ratio "$(med "$work/p_write" total_s)" "$(med "$work/d_write" total_s)") |"
echo "| PixelMed | IndexedLabelMapToSegmentation (reads labels.dcm, writes) | $(med "$work/p_write" total_s) | $(med "$work/p_write" cpu_s) | 1.0 |"
echo "| Delineate | whole process (new JVM), SegBench write | $d_cli | - | $(ratio "$p_cli" "$d_cli") |"
echo "| PixelMed | whole process (new JVM), its command line | $p_cli | - | 1.0 |"
echo
echo "## Reading 100 segments ($(first "$work/d_read" frames) frames of 512 x 512) and placing them on the CT, merged label map included"
echo
echo "| what | wall s (median of 2..$repeats) | thread CPU s | first iteration s |"
echo "|---|---:|---:|---:|"
echo "| SegmentationReader.read + place | $(med "$work/d_read" read_s) | $(med "$work/d_read" read_cpu_s) | $(first "$work/d_read" read_s) |"
echo "| all 100 segment volumes, one after another (first iteration) | $(first "$work/d_read" all_volumes_s) | - | - |"
