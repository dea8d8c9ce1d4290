#!/usr/bin/env bash
# The Segment Editor's repaint after a brush stroke through the real ImageJ window, under Xvfb: 512 x 512 and
# 1024 x 1024 images, mouse events dispatched to the canvas, synchronous paint (bench/java/EditorWindowRepaintBench.java).
# The model alone is measured by bench/edit-repaint.sh. See docs/performance.md ("Segment Editor").
#
# Usage: bench/editor-repaint.sh [STROKES]   (default 200)
# Needs a JDK 17, Maven and xvfb-run (package xvfb, installed with apt-get when run as root).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
strokes=${1:-200}
missing=()
command -v xvfb-run >/dev/null || missing+=(xvfb xauth)
. "$here/bench/common.sh"
require_packages editor-repaint "${missing[@]}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/classes" "$work/home" "$work/imagej/plugins"
# NB: package, not install: the jars stay in the checkout's target folders (as ./delineate builds them).
(cd "$here" && mvn -B -q -o -DskipTests package -pl plugins -am) >&2
jar=$(ls "$here"/plugins/target/Delineate_-*.jar | grep -v -e '-sources' -e '-tests' -e '-javadoc' | head -n 1)
cp="$jar:$(cat "$here/plugins/target/classpath.txt")"
javac -d "$work/classes" -cp "$cp" "$here/bench/java/EditorWindowRepaintBench.java"
echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- java: $(java -version 2>&1 | head -1); X server: Xvfb (xvfb-run), screen 2400 x 1400 x 24"
# NB: a screen large enough that ImageJ shows the 1024 x 1024 image at 100 %; a private home keeps ImageJ's
# preferences out of the user's.
xvfb-run -a -s "-screen 0 2400x1400x24" java -Xmx2g -XX:+UseParallelGC -Duser.home="$work/home" \
  -Dplugins.dir="$work/imagej" -cp "$cp:$work/classes" EditorWindowRepaintBench "$strokes"
