"""Independent checks for `delineate seg` (nibabel, pydicom, numpy); prints one JSON object.

nrrd2nii IN.nrrd OUT.nii.gz         dcmqi's NRRD label map (LPS space) as NIfTI (RAS affine), same voxel order
variant IN.nii OUT.nii OP           OP: flip0, flip1, flip2, swap01, canonical, shift (half a voxel), crop (one slice less)
compare NII NRRD                    NIfTI voxels against the NRRD by patient position: value pairs, misplaced voxels
frames A.dcm B.dcm                  non-empty frames of two SEGs by (segment label, ImagePositionPatient): equal?
phantom CT.nii OUT_LABELS OUT_FRACTION   thresholds of the CT phantom (label values 10..50) and a float fraction map
same A.nii B.nii [F]                two NIfTIs as the same grid in closest canonical order: affine error, voxels where A x F != B
bytes IN.nii OUT.nii                a fraction map 0..1 as uint8 0..255 with scl_slope 1, scl_inter 0 stored
series A.dcm...                     per file, the series attributes dcmqi's metadata sets: [value or None (absent), ...]
"""
import gzip, json, sys
import numpy as np
import nibabel as nib


def read_nrrd(path):
    raw = open(path, 'rb').read()
    head, _, data = raw.partition(b'\n\n')
    fields = {}
    for line in head.decode('latin-1').splitlines()[1:]:
        if line.startswith('#') or ':' not in line:
            continue
        k, v = line.split(':', 1)
        fields[k.strip()] = v.strip()
    sizes = [int(s) for s in fields['sizes'].split()]
    dtype = {'short': '<i2', 'unsigned char': 'u1', 'uchar': 'u1', 'ushort': '<u2', 'unsigned short': '<u2', 'int': '<i4'}[fields['type']]
    if fields.get('encoding') == 'gzip':
        data = gzip.decompress(data)
    array = np.frombuffer(data, dtype=dtype)[:np.prod(sizes)].reshape(sizes[::-1]).transpose()
    dirs = [[float(x) for x in d.strip('()').split(',')] for d in fields['space directions'].split()]
    origin = [float(x) for x in fields['space origin'].strip('()').split(',')]
    lps = np.eye(4)
    lps[:3, :3] = np.array(dirs).T
    lps[:3, 3] = origin
    return array, lps


LPS_TO_RAS = np.diag([-1.0, -1.0, 1.0, 1.0])


def main():
    op, args = sys.argv[1], sys.argv[2:]
    if op == 'nrrd2nii':
        array, lps = read_nrrd(args[0])
        nib.save(nib.Nifti1Image(array.astype(np.uint16), LPS_TO_RAS @ lps), args[1])
        print(json.dumps({'shape': list(array.shape), 'nonzero': int((array != 0).sum())}))
    elif op == 'variant':
        img = nib.load(args[0])
        data, affine, kind = np.asanyarray(img.dataobj), img.affine.copy(), args[2]
        if kind.startswith('flip'):
            axis = int(kind[4])
            affine[:3, 3] += affine[:3, axis] * (data.shape[axis] - 1)
            affine[:3, axis] = -affine[:3, axis]
            out = nib.Nifti1Image(np.flip(data, axis).copy(), affine)
        elif kind == 'swap01':
            out = nib.Nifti1Image(data.transpose(1, 0, 2).copy(), affine[:, [1, 0, 2, 3]])
        elif kind == 'canonical':
            out = nib.as_closest_canonical(img)
        elif kind == 'shift':
            affine[:3, 3] += affine[:3, :3] @ [0.5, 0, 0]
            out = nib.Nifti1Image(data, affine)
        elif kind == 'crop':
            out = img.slicer[:, :, :-1]
        out.set_data_dtype(img.get_data_dtype())
        nib.save(out, args[1])
        print(json.dumps({'shape': list(out.shape)}))
    elif op == 'compare':
        img = nib.load(args[0])
        ours = np.asanyarray(img.dataobj)
        array, lps = read_nrrd(args[1])
        ijk = np.indices(ours.shape).reshape(3, -1)
        world = img.affine @ np.vstack([ijk, np.ones(ijk.shape[1])])
        index = np.linalg.inv(LPS_TO_RAS @ lps) @ world
        rounded = np.rint(index[:3]).astype(int)
        inside = np.all((rounded >= 0) & (rounded < np.array(array.shape)[:, None]), axis=0)
        theirs = np.zeros(ijk.shape[1], dtype=np.int64)
        theirs[inside] = array[rounded[0, inside], rounded[1, inside], rounded[2, inside]]
        values = ours.reshape(-1).astype(np.int64)
        pairs = {}
        for a, b in zip(values.tolist(), theirs.tolist()):
            pairs[f'{a}:{b}'] = pairs.get(f'{a}:{b}', 0) + 1
        print(json.dumps({'indexError': float(np.abs(index[:3] - rounded).max()), 'pairs': pairs,
                          'oursNonzero': int((values != 0).sum()), 'theirsNonzero': int((array != 0).sum()),
                          'nonzeroOutside': int((values[~inside] != 0).sum())}))
    elif op == 'frames':
        import pydicom
        views = []
        for path in args:
            d = pydicom.dcmread(path)
            labels = {int(s.SegmentNumber): str(s.SegmentLabel) for s in d.SegmentSequence}
            pixels = d.pixel_array.reshape(int(d.NumberOfFrames), d.Rows, d.Columns)
            frames = {}
            for n, item in enumerate(d.PerFrameFunctionalGroupsSequence):
                number = int(item.SegmentIdentificationSequence[0].ReferencedSegmentNumber)
                position = tuple(round(float(v), 2) for v in item.PlanePositionSequence[0].ImagePositionPatient)
                if pixels[n].any():
                    frames[(labels[number], position)] = pixels[n]
            views.append(frames)
        a, b = views
        differ = [str(k) for k in set(a) | set(b) if k not in a or k not in b or not np.array_equal(a[k], b[k])]
        print(json.dumps({'a': len(a), 'b': len(b), 'differ': sorted(differ)}))
    elif op == 'phantom':
        img = nib.load(args[0])
        ct = img.get_fdata()
        labels = np.zeros(ct.shape, dtype=np.uint8)
        labels[ct > -500] = 10                      # body
        labels[(ct > -900) & (ct < -700)] = 20      # lungs
        labels[(ct > 50) & (ct < 70)] = 30          # liver
        labels[ct > 600] = 40                       # spine
        labels[(ct > 90) & (ct < 110)] = 50         # lesion
        nib.save(nib.Nifti1Image(labels, img.affine), args[1])
        i = np.indices(ct.shape)[0]
        fraction = np.where(labels == 30, (i % 7) / 6.0, 0).astype(np.float32)
        nib.save(nib.Nifti1Image(fraction, img.affine), args[2])
        print(json.dumps({str(v): int((labels == v).sum()) for v in (10, 20, 30, 40, 50)}))
    elif op == 'same':
        a, b = (nib.as_closest_canonical(nib.load(p)) for p in args[:2])
        x, y = a.get_fdata() * (float(args[2]) if len(args) > 2 else 1), b.get_fdata()
        print(json.dumps({'shapeA': list(x.shape), 'shapeB': list(y.shape),
                          'affineError': float(np.abs(a.affine - b.affine).max()),
                          'differing': int((x != y).sum()) if x.shape == y.shape else -1,
                          'maxDifference': float(np.abs(x - y).max()) if x.shape == y.shape else -1}))
    elif op == 'bytes':
        img = nib.load(args[0])
        nib.save(nib.Nifti1Image(np.round(img.get_fdata() * 255).astype(np.uint8), img.affine), args[1])
        # nibabel stores "no scaling" as NaN; other writers store 1 and 0: patched in (NIfTI-1 offsets 112, 116).
        with open(args[1], 'r+b') as f:
            f.seek(112)
            f.write(np.array([1.0, 0.0], dtype='<f4').tobytes())
        with open(args[1], 'rb') as f:
            slope, inter = np.frombuffer(f.read(120)[112:120], dtype='<f4')
        print(json.dumps({'slope': float(slope), 'inter': float(inter)}))
    elif op == 'series':
        import pydicom
        keys = ['BodyPartExamined', 'ClinicalTrialTimePointID', 'ClinicalTrialCoordinatingCenterName',
                'ClinicalTrialSeriesID', 'ContentCreatorName']
        views = {}
        for path in args:
            d = pydicom.dcmread(path, stop_before_pixels=True)
            views[path] = {k: (str(d[k].value) if d[k].value is not None else '') if k in d else None for k in keys}
        print(json.dumps(views))


main()
