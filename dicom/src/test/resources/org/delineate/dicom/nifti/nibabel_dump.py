"""What nibabel reads from NIfTI files, as JSON: the oracle of Delineate's NIfTI tests.

Usage: python3 nibabel_dump.py LIST_FILE  (one path per line). Prints one JSON object mapping each path
to its raw header fields (as stored, before nibabel's repairs), extensions, nibabel's best affine
(img.affine), shape, dtype, sha256 of the unscaled data (little-endian, i fastest) and of the scaled data
as float32, and a few unscaled voxel values. Non-finite floats are written as strings.
"""
import hashlib
import json
import math
import sys

import numpy as np
import nibabel as nib
from nibabel.openers import ImageOpener

FIELDS_COMMON = ['sizeof_hdr', 'dim', 'pixdim', 'datatype', 'bitpix', 'vox_offset', 'scl_slope', 'scl_inter',
                 'intent_code', 'intent_name', 'intent_p1', 'intent_p2', 'intent_p3', 'slice_start', 'slice_end',
                 'slice_code', 'slice_duration', 'dim_info', 'xyzt_units', 'cal_min', 'cal_max', 'toffset',
                 'descrip', 'aux_file', 'qform_code', 'sform_code', 'quatern_b', 'quatern_c', 'quatern_d',
                 'qoffset_x', 'qoffset_y', 'qoffset_z', 'srow_x', 'srow_y', 'srow_z', 'magic']
FIELDS_NIFTI1 = ['glmax', 'glmin', 'extents', 'session_error', 'regular', 'db_name', 'data_type']


def plain(v):
    if isinstance(v, np.ndarray):
        if v.dtype.kind == 'S' or v.ndim == 0:
            return plain(v.item())
        return [plain(x) for x in v.tolist()]
    if isinstance(v, (np.generic,)):
        return plain(v.item())
    if isinstance(v, bytes):
        return v.decode('latin-1')
    if isinstance(v, float):
        return v if math.isfinite(v) else repr(v)
    if isinstance(v, list):
        return [plain(x) for x in v]
    return v


def raw_header(path, img):
    klass = type(img).header_class
    fmap = img.file_map
    hdr_path = (fmap['header'] if 'header' in fmap else fmap['image']).filename
    with ImageOpener(hdr_path) as f:
        block = f.read(klass.template_dtype.itemsize)
    hdr = klass(block, check=False)
    out = {'endianness': hdr.endianness}
    for name in FIELDS_COMMON + (FIELDS_NIFTI1 if hdr['sizeof_hdr'] == 348 else []):
        out[name] = plain(hdr[name])
    out['magic'] = out['magic'].split('\0')[0]
    return out


def describe(path):
    img = nib.load(path)
    out = {'class': type(img).__name__}
    if not isinstance(img, (nib.Nifti1Image, nib.Nifti1Pair, nib.Nifti2Image, nib.Nifti2Pair)):
        return out
    out['header'] = raw_header(path, img)
    out['extensions'] = [[int(e.get_code()), hashlib.sha256(e.get_content()).hexdigest()]
                         for e in img.header.extensions]
    out['affine'] = plain(img.affine)
    out['shape'] = list(img.shape)
    out['dtype'] = str(img.get_data_dtype().newbyteorder('='))
    slope, inter = img.header.get_slope_inter()
    out['slope_inter'] = [plain(slope), plain(inter)]
    try:
        raw = np.asanyarray(img.dataobj.get_unscaled())
    except Exception as e:  # header-only files
        out['data_error'] = str(e)
        return out
    little = raw.astype(raw.dtype.newbyteorder('<'))
    out['raw_sha256'] = hashlib.sha256(little.tobytes(order='F')).hexdigest()
    flat = raw.reshape(-1, order='F')
    n = flat.shape[0]
    samples = []
    for i in sorted({0, n // 7, n // 3, n // 2, 2 * n // 3, n - 1}):
        v = flat[i]
        if raw.dtype.names:
            vals = [int(v[name]) for name in raw.dtype.names]
        elif raw.dtype.kind == 'c':
            vals = [float(v.real), float(v.imag)]
        else:
            vals = [v.item()]
        samples.append([i, plain(vals)])
    out['samples'] = samples
    if not raw.dtype.names and raw.dtype.kind != 'c':
        scaled = img.get_fdata()
        out['scaled_sha256'] = hashlib.sha256(scaled.astype('<f4').tobytes(order='F')).hexdigest()
    return out


def main():
    with open(sys.argv[1]) as f:
        paths = [line.strip() for line in f if line.strip()]
    result = {}
    for path in paths:
        try:
            result[path] = describe(path)
        except Exception as e:
            import traceback
            result[path] = {'error': type(e).__name__ + ': ' + str(e), 'trace': traceback.format_exc()}
    json.dump(result, sys.stdout)


main()
