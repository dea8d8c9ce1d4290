#!/usr/bin/env bash
# The Segment Editor's model work after a brush stroke (paint, commit as an undo step, render the overlay) on
# 512 x 512 and 1024 x 1024 slices, and the undo memory per stroke against a full slice copy. See
# docs/performance.md. Usage: bench/edit-repaint.sh [STROKES]   (default 400)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
strokes=${1:-400}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$here" && mvn -B -q -o -pl dicom,plugins -am install -DskipTests) >&2
(cd "$here" && mvn -B -q -o -pl plugins dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile="$work/plugins.cp") >&2
cp="$here/plugins/target/classes:$(cat "$work/plugins.cp"):$work"
javac -d "$work" -cp "$cp" "$here/bench/java/EditRepaintBench.java"
echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- java: $(java -version 2>&1 | head -1)"
java -cp "$cp" EditRepaintBench "$strokes"
