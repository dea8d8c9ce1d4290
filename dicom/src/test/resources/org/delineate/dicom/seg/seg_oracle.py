# Oracle for SegmentationReaderOracleTest: pydicom's view of a segmentation and, independently of
# Delineate, where each frame belongs in its source series.
# Usage: seg_oracle.py SEG SOURCE... ; prints one JSON object.
# Placement: the source images are sorted along their slice normal; a frame with ImagePositionPatient goes
# to the slice whose plane holds that position (within 0.01 mm), at the in-plane offset its position gives
# (PixelSpacing and ImageOrientationPatient of the source); a frame without a position goes to the slice
# of its referenced source image, at offset (0, 0).
# Without SOURCE files the frames are placed on their own grid: slices at the distinct positions along the
# normal, k = round(distance from the first / spacing), spacing = SpacingBetweenSlices or the smallest gap;
# in-plane offsets relative to the smallest offset of all frames.
import base64, json, sys
import numpy as np
import pydicom

seg = pydicom.dcmread(sys.argv[1])
sources = [pydicom.dcmread(p, stop_before_pixels=True) for p in sys.argv[2:]]

def plane_of(fg, shared, name):
    for group in (fg, shared):
        if group is not None and name in group and len(group[name].value) > 0:
            return group[name].value[0]
    return None

shared = seg.SharedFunctionalGroupsSequence[0] if 'SharedFunctionalGroupsSequence' in seg else None
pixels = seg.pixel_array
frames = int(seg.get('NumberOfFrames', 1) or 1)
if frames == 1 and pixels.ndim == 2:
    pixels = pixels[np.newaxis]

geometric = bool(sources) and all("ImagePositionPatient" in s for s in sources)
if geometric:
    iop = np.array(sources[0].ImageOrientationPatient, dtype=float)
    row, col = iop[:3], iop[3:]
    normal = np.cross(row, col)
    sources.sort(key=lambda s: float(np.dot(np.array(s.ImagePositionPatient, dtype=float), normal)))
    ps = np.array(sources[0].PixelSpacing, dtype=float)
uids = [s.SOPInstanceUID for s in sources]

own = None
if not sources:
    iop = np.array(plane_of(seg.PerFrameFunctionalGroupsSequence[0], shared, 'PlaneOrientationSequence')
                   .ImageOrientationPatient, dtype=float)
    row, col = iop[:3], iop[3:]
    normal = np.cross(row, col)
    measures = plane_of(seg.PerFrameFunctionalGroupsSequence[0], shared, 'PixelMeasuresSequence')
    ps = np.array(measures.PixelSpacing, dtype=float)
    ipps = np.array([plane_of(fg, shared, 'PlanePositionSequence').ImagePositionPatient
                     for fg in seg.PerFrameFunctionalGroupsSequence[:frames]], dtype=float)
    along = ipps @ normal
    distinct = np.unique(np.round(along, 3))
    gap = float(measures.get('SpacingBetweenSlices') or 0) or float(np.min(np.diff(distinct)))
    ii = np.round((ipps - ipps[0]) @ row / ps[1])
    jj = np.round((ipps - ipps[0]) @ col / ps[0])
    own = (along.min(), gap, ii.min(), jj.min())
    geometric = True

out = {'frames': [], 'segments': [], 'type': seg.SegmentationType, 'slices': len(sources)}
if own is not None:
    out['slices'] = int(round((along.max() - along.min()) / own[1])) + 1
for n in range(frames):
    fg = seg.PerFrameFunctionalGroupsSequence[n]
    ident = plane_of(fg, shared, 'SegmentIdentificationSequence')
    number = int(ident.ReferencedSegmentNumber) if ident is not None else 0
    pos = plane_of(fg, shared, 'PlanePositionSequence')
    k = i0 = j0 = None
    if own is not None:
        ipp = np.array(pos.ImagePositionPatient, dtype=float)
        k = int(round((float(ipp @ normal) - own[0]) / own[1]))
        i0 = int(round((ipp - ipps[0]) @ row / ps[1] - own[2]))
        j0 = int(round((ipp - ipps[0]) @ col / ps[0] - own[3]))
    elif pos is not None and geometric:
        ipp = np.array(pos.ImagePositionPatient, dtype=float)
        for idx, s in enumerate(sources):
            d = ipp - np.array(s.ImagePositionPatient, dtype=float)
            if abs(np.dot(d, normal)) < 0.01:
                k = idx
                i0 = int(round(np.dot(d, row) / ps[1]))
                j0 = int(round(np.dot(d, col) / ps[0]))
    else:
        ref = fg.DerivationImageSequence[0].SourceImageSequence[0].ReferencedSOPInstanceUID
        k, i0, j0 = uids.index(ref), 0, 0
    values = pixels[n]
    raw = values.astype('<u2' if values.dtype.itemsize == 2 else 'u1').tobytes()
    out['frames'].append({'number': n + 1, 'segment': number, 'k': k, 'i0': i0, 'j0': j0,
                          'rows': int(values.shape[0]), 'columns': int(values.shape[1]),
                          'wide': values.dtype.itemsize == 2, 'values': base64.b64encode(raw).decode()})

def code(item, name):
    if name not in item or len(item[name].value) == 0:
        return None
    c = item[name].value[0]
    value = c.get('CodeValue') or c.get('LongCodeValue') or c.get('URNCodeValue')
    return [str(value), str(c.CodingSchemeDesignator), str(c.CodeMeaning)]

for item in seg.SegmentSequence:
    lab = item.get('RecommendedDisplayCIELabValue')
    out['segments'].append({
        'number': int(item.SegmentNumber), 'label': item.get('SegmentLabel'),
        'description': item.get('SegmentDescription'), 'algorithmType': item.get('SegmentAlgorithmType'),
        'algorithmName': item.get('SegmentAlgorithmName'),
        'category': code(item, 'SegmentedPropertyCategoryCodeSequence'),
        'type': code(item, 'SegmentedPropertyTypeCodeSequence'),
        'anatomicRegion': code(item, 'AnatomicRegionSequence'),
        'lab': [int(v) for v in lab] if lab is not None else None,
        'trackingId': item.get('TrackingID'), 'trackingUid': item.get('TrackingUID')})
print(json.dumps(out))
