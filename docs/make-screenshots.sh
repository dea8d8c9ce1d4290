#!/usr/bin/env bash
# Takes the user guide's screenshots (docs/images/: segment-editor.png, landmarks.png, save-annotation.png,
# series-browser.png, window-presets.png) from the running program under Xvfb: ./delineate's main class with the
# sample study in the Segment Editor, driven by plugins/src/test/java/org/delineate/plugins/GuideScreenshots.java
# (and editor/ScreenshotDriver.java). Needs a JDK 17, Maven and xvfb-run. Look at every picture before committing:
# on a busy machine a window can be captured before it is drawn.
# Usage: docs/make-screenshots.sh
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/home" "$work/imagej/plugins"
# NB: package compiles the test classes too (the driver lives there); -DskipTests does not run them.
(cd "$here" && mvn -B -q -o -DskipTests package -pl plugins -am) >&2
jar=$(ls "$here"/plugins/target/Delineate_-*.jar | grep -v -e '-sources' -e '-tests' -e '-javadoc' | head -n 1)
cp="$jar:$(cat "$here/plugins/target/classpath.txt"):$here/plugins/target/test-classes"
xvfb-run -a -s "-screen 0 1400x900x24" java -Xmx1g -Duser.home="$work/home" -Dplugins.dir="$work/imagej" \
  -Ddelineate.cache="$work/cache" \
  -Ddelineate.eval="return call(\"org.delineate.plugins.GuideScreenshots.take\", \"$here/docs/images\");" \
  -cp "$cp" org.delineate.plugins.DelineateImageJ
