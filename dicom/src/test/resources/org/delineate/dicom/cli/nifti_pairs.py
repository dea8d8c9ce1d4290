"""Compares pairs of NIfTI files with nibabel, for ConvertCommand's tests.

Input (argv[1]): a JSON list of {"ours": path, "ref": path, "refVolume": int or null}. When refVolume is
given, only that volume of the (4D) reference is compared. With "scale", also the largest |ours * scale - ref|
relative to max |ref| (relativeDifferenceAfterScale), for references that scale values differently. Both images are brought to the closest canonical
(RAS+) orientation, then compared on shape, affine and the scaled values (scl_slope/scl_inter applied,
whatever the stored datatype). Output: one JSON line per pair.
"""
import json
import sys

import nibabel
import numpy as np

for pair in json.load(open(sys.argv[1])):
    ours = nibabel.load(pair["ours"])
    ref = nibabel.load(pair["ref"])
    if pair.get("refVolume") is not None:
        ref = ref.slicer[..., pair["refVolume"]]
    ours = nibabel.as_closest_canonical(ours)
    ref = nibabel.as_closest_canonical(ref)
    result = {"ours": pair["ours"], "ref": pair["ref"], "oursShape": list(ours.shape), "refShape": list(ref.shape),
              "oursDtype": str(ours.get_data_dtype()), "refDtype": str(ref.get_data_dtype())}
    result["affineError"] = float(np.max(np.abs(ours.affine - ref.affine)))
    if ours.shape == ref.shape:
        a = ours.get_fdata(dtype=np.float64)
        b = ref.get_fdata(dtype=np.float64)
        differ = a != b
        result["voxels"] = int(a.size)
        result["voxelsDiffering"] = int(np.count_nonzero(differ))
        result["maxValueDifference"] = float(np.max(np.abs(a - b))) if a.size else 0.0
        scale = pair.get("scale")
        if scale is not None and a.size:
            result["relativeDifferenceAfterScale"] = float(np.max(np.abs(a * scale - b)) / max(np.max(np.abs(b)), 1e-30))
    print(json.dumps(result))
