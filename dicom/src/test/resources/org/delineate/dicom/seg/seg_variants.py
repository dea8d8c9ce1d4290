# Writes variants of real segmentations with pydicom, for SegmentationVariantsTest.
# Usage: seg_variants.py TESTDATA OUTDIR ; writes OUTDIR/<variant>.dcm and prints their names.
import copy, os, sys
import numpy as np
import pydicom
from pydicom.encaps import encapsulate
from pydicom.uid import RLELossless, DeflatedExplicitVRLittleEndian

data, out = sys.argv[1], sys.argv[2]
segs = os.path.join(data, 'dcmqi_testdata/data/segmentations')
hd = os.path.join(data, 'highdicom_testdata/data/test_files')

def pack(frames):
    return np.packbits(np.asarray(frames, dtype=np.uint8).ravel(), bitorder='little').tobytes()

def frames_of(ds):
    a = ds.pixel_array
    return a[np.newaxis] if a.ndim == 2 else a

def shift(ds, n, di, dj):
    fg = ds.PerFrameFunctionalGroupsSequence[n]
    shared = ds.SharedFunctionalGroupsSequence[0]
    iop = np.array(shared.PlaneOrientationSequence[0].ImageOrientationPatient, dtype=float)
    ps = np.array(shared.PixelMeasuresSequence[0].PixelSpacing, dtype=float)
    item = fg.PlanePositionSequence[0]
    ipp = np.array(item.ImagePositionPatient, dtype=float) + di * ps[1] * iop[:3] + dj * ps[0] * iop[3:]
    item.ImagePositionPatient = [float('%.6f' % v) for v in ipp]

def save(ds, name):
    ds.save_as(os.path.join(out, name + '.dcm'), write_like_original=False)
    print(name)

# pad: 2 zero columns on the left of each 23x38 frame (Columns 25, frames start 2 columns left of the grid).
ds = pydicom.dcmread(os.path.join(segs, '23x38x3/seg/label.seg'))
f = np.pad(frames_of(ds), ((0, 0), (0, 0), (2, 0)))
ds.Columns = f.shape[2]
for n in range(f.shape[0]):
    shift(ds, n, -2, 0)
ds.PixelData = pack(f)
save(ds, 'pad')

# crop: liver's frames cut to a common size around each frame's own segment (in-plane offsets differ).
ds = pydicom.dcmread(os.path.join(segs, 'liver.dcm'))
f = frames_of(ds)
boxes = []
for n in range(f.shape[0]):
    ys, xs = np.nonzero(f[n])
    boxes.append((ys.min(), xs.min(), ys.max(), xs.max()))
h = max(b[2] - b[0] for b in boxes) + 3
w = max(b[3] - b[1] for b in boxes) + 5
cut = []
for n, (y0, x0, _, _) in enumerate(boxes):
    y0, x0 = min(y0, f.shape[1] - h), min(x0, f.shape[2] - w)
    cut.append(f[n, y0:y0 + h, x0:x0 + w])
    shift(ds, n, int(x0), int(y0))
ds.Rows, ds.Columns = h, w
ds.PixelData = pack(cut)
save(ds, 'crop')

# rle1: liver's 1-bit frames, each packed and RLE-coded as literal runs (PS3.5 G.3.1).
ds = pydicom.dcmread(os.path.join(segs, 'liver.dcm'))
encoded = []
for frame in frames_of(ds):
    packed = pack(frame)
    body = b''.join(bytes([len(packed[i:i + 128]) - 1]) + packed[i:i + 128] for i in range(0, len(packed), 128))
    header = np.zeros(16, dtype='<u4'); header[0] = 1; header[1] = 64
    encoded.append(header.tobytes() + body + (b'\0' if len(body) % 2 else b''))
ds.PixelData = encapsulate(encoded)
ds['PixelData'].is_undefined_length = True
ds['PixelData'].VR = 'OB'
ds.file_meta.TransferSyntaxUID = RLELossless
save(ds, 'rle1')

# rle8: highdicom's true FRACTIONAL segmentation RLE-coded by pydicom.
ds = pydicom.dcmread(os.path.join(hd, 'seg_image_ct_true_fractional.dcm'))
ds.compress(RLELossless, encoding_plugin='pydicom')
save(ds, 'rle8')

# deflate: liver in Deflated Explicit VR Little Endian.
ds = pydicom.dcmread(os.path.join(segs, 'liver.dcm'))
ds.file_meta.TransferSyntaxUID = DeflatedExplicitVRLittleEndian
save(ds, 'deflate')

# label16: the ppv5 label map as 16-bit, segment 1 renumbered 300.
ds = pydicom.dcmread(os.path.join(segs, 'sparse-labelmap-ppv5.dcm'))
f = frames_of(ds).astype('<u2')
f[f == 1] = 300
ds.BitsAllocated, ds.BitsStored, ds.HighBit = 16, 16, 15
for item in ds.SegmentSequence:
    if item.SegmentNumber == 1:
        item.SegmentNumber = 300
ds.PixelData = f.tobytes()
ds['PixelData'].VR = 'OW'
save(ds, 'label16')

# groups: Segment Identification moved to the shared groups; Pixel Measures per frame, the shared one wrong.
ds = pydicom.dcmread(os.path.join(segs, '24x38x3/seg/label.seg'))
shared = ds.SharedFunctionalGroupsSequence[0]
shared.SegmentIdentificationSequence = copy.deepcopy(ds.PerFrameFunctionalGroupsSequence[0].SegmentIdentificationSequence)
right = copy.deepcopy(shared.PixelMeasuresSequence)
shared.PixelMeasuresSequence[0].PixelSpacing = [9.9, 9.9]
for fg in ds.PerFrameFunctionalGroupsSequence:
    del fg.SegmentIdentificationSequence
    fg.PixelMeasuresSequence = copy.deepcopy(right)
save(ds, 'groups')

# noref: liver without Referenced Series Sequence; numbers: partial_overlaps with segments 3, 7, 8, 20, 42.
ds = pydicom.dcmread(os.path.join(segs, 'liver.dcm'))
del ds.ReferencedSeriesSequence
save(ds, 'noref')
ds = pydicom.dcmread(os.path.join(segs, 'partial_overlaps.dcm'))
renumber = {1: 3, 2: 7, 3: 8, 4: 20, 5: 42}
for item in ds.SegmentSequence:
    item.SegmentNumber = renumber[item.SegmentNumber]
for fg in ds.PerFrameFunctionalGroupsSequence:
    fg.SegmentIdentificationSequence[0].ReferencedSegmentNumber = renumber[fg.SegmentIdentificationSequence[0].ReferencedSegmentNumber]
save(ds, 'numbers')
