package org.delineate.plugins.editor;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.delineate.annotation.AnnotationSession;
import org.delineate.annotation.edit.ThresholdRange;

/**
 * What the Segment Editor's tools use besides the annotation: the tool, the brush radius (mm, kept by the session
 * so that macros and the panel share it), whether tools subtract, the intensity range (modality units, HU for CT)
 * that region growing uses and that painting may be limited to (kept by the session when the limit is on), and
 * the largest region that growing accepts. The panel and the keyboard change it; listeners hear every change.
 * GUI-free; use it from one thread (the event thread).
 */
public final class EditorSettings {

    /** The brush radius steps of the [ and ] keys: a factor, and the limits in mm. */
    static final double RADIUS_STEP = 1.25;
    static final double MIN_RADIUS = 0.1;
    static final double MAX_RADIUS = 500;

    private final AnnotationSession session;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private EditorTool tool = EditorTool.BRUSH;
    private boolean subtract;
    private double low;
    private double high;
    private long maxRegionVoxels = 20_000_000;

    /** Settings over a session; the range starts as the session's, else [low, high]. */
    public EditorSettings(AnnotationSession session, double low, double high) {
        this.session = session;
        ThresholdRange r = session.intensityRange();
        this.low = r == null ? low : r.low();
        this.high = r == null ? high : r.high();
        if (!(this.low <= this.high)) {
            throw new IllegalArgumentException("an intensity range needs low <= high, not " + low + " to " + high);
        }
    }

    public void addListener(Runnable l) {
        listeners.add(l);
    }

    public void removeListener(Runnable l) {
        listeners.remove(l);
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }

    public EditorTool tool() {
        return tool;
    }

    public void setTool(EditorTool t) {
        if (t != tool) {
            tool = t;
            changed();
        }
    }

    /** The brush radius in mm (the session's). */
    public double brushRadius() {
        return session.brushRadius();
    }

    public void setBrushRadius(double mm) {
        double clamped = Math.max(MIN_RADIUS, Math.min(MAX_RADIUS, mm));
        if (clamped != session.brushRadius()) {
            session.setBrushRadius(clamped);
            changed();
        }
    }

    /** Makes the brush one step larger (true) or smaller (false), rounded to 0.1 mm. */
    public void stepBrushRadius(boolean larger) {
        double r = larger ? brushRadius() * RADIUS_STEP : brushRadius() / RADIUS_STEP;
        setBrushRadius(Math.round(r * 10) / 10.0);
    }

    /** Whether the sphere brush and the polygon subtract (Alt inverts it for one gesture). */
    public boolean subtract() {
        return subtract;
    }

    public void setSubtract(boolean s) {
        if (s != subtract) {
            subtract = s;
            changed();
        }
    }

    public double low() {
        return low;
    }

    public double high() {
        return high;
    }

    /** Sets the intensity range; painting stays limited to it when it was. */
    public void setRange(double newLow, double newHigh) {
        if (!(newLow <= newHigh)) {
            throw new IllegalArgumentException("an intensity range needs low <= high, not " + newLow + " to " + newHigh);
        }
        low = newLow;
        high = newHigh;
        if (limitedToRange()) {
            session.setIntensityRange(low, high);
        }
        changed();
    }

    /** Whether painting (brush, sphere, polygon and the segment operations) changes only voxels within the range. */
    public boolean limitedToRange() {
        return session.intensityRange() != null;
    }

    public void setLimitedToRange(boolean limited) {
        if (limited != limitedToRange()) {
            session.setIntensityRange(limited ? low : Double.NaN, limited ? high : Double.NaN);
            changed();
        }
    }

    /** Takes over a range set elsewhere (a macro's setIntensityRange) so that the panel shows it. */
    public void follow() {
        ThresholdRange r = session.intensityRange();
        if (r != null && (r.low() != low || r.high() != high)) {
            low = r.low();
            high = r.high();
            changed();
        }
    }

    /** Region growing refuses regions of this many voxels or more (a leak). */
    public long maxRegionVoxels() {
        return maxRegionVoxels;
    }

    public void setMaxRegionVoxels(long voxels) {
        if (voxels < 1) {
            throw new IllegalArgumentException("the largest region is at least 1 voxel, not " + voxels);
        }
        maxRegionVoxels = voxels;
        changed();
    }
}
