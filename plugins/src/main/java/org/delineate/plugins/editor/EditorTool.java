package org.delineate.plugins.editor;

/** The Segment Editor's mouse tools, with their names as shown and their one-key shortcuts. */
public enum EditorTool {

    /** Paints a disk of the brush radius (mm) on the shown slice; drag to paint a stroke. */
    BRUSH("Brush", 'B'),
    /** Erases the selected segment in a disk of the brush radius; drag to erase a stroke. */
    ERASER("Eraser", 'E'),
    /** Paints a ball of the brush radius across slices; drag to paint more balls. Alt erases. */
    SPHERE("Sphere brush", 'S'),
    /** Click vertices (double-click, Enter or a click on the first vertex closes) or drag a free outline; Alt subtracts. */
    POLYGON("Polygon", 'P'),
    /** Click a seed: paints its 3D region of voxels within the growing range. */
    REGION_GROWING("Region growing", 'G'),
    /** Click to place the next landmark, drag one to move it, Alt-click one to delete it. */
    LANDMARK("Landmark", 'L');

    private final String label;
    private final char key;

    EditorTool(String label, char key) {
        this.label = label;
        this.key = key;
    }

    /** The name shown on the tool's button. */
    public String label() {
        return label;
    }

    /** The key that selects the tool (upper case letter). */
    public char key() {
        return key;
    }
}
