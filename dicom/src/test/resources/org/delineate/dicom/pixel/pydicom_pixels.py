"""Decode DICOM Pixel Data with pydicom, as an external oracle for Delineate's pixel decoders.

Usage: /usr/bin/python3 pydicom_pixels.py LIST OUTDIR

LIST holds one "id<TAB>path" per line. For each file this writes OUTDIR/<id>.raw, the values of
ds.pixel_array in C order (frames, rows, columns, samples) as little-endian integers or floats, and one
line of OUTDIR/results.tsv:

    id  status  handler  dtype  count  photometric  garbage  message

status is "ok", "nopixels" or "error"; handler is the pydicom pixel data handler that succeeded (the
first in pydicom.config.pixel_data_handlers that supports the transfer syntax and does not raise, as
ds.pixel_array does). pydicom returns integers as they were stored, bits above High Bit included; the
values written are reduced to Bits Stored (shifted down past High Bit + 1 - Bits Stored, masked, and
sign-extended when Pixel Representation is 1), and "garbage" counts the values this changed.
"""
import sys
import os
import warnings

warnings.simplefilter("ignore")

import numpy as np
import pydicom
import pydicom.config

HANDLER_NAMES = {
    "numpy_handler": "numpy", "gdcm_handler": "gdcm", "pillow_handler": "pillow",
    "jpeg_ls_handler": "jpeg_ls", "pylibjpeg_handler": "pylibjpeg", "rle_handler": "rle",
}


def decode(ds):
    ts = ds.file_meta.TransferSyntaxUID
    errors = []
    for handler in pydicom.config.pixel_data_handlers:
        if not handler.supports_transfer_syntax(ts) or not handler.is_available():
            continue
        name = HANDLER_NAMES.get(handler.__name__.rsplit(".", 1)[-1], handler.__name__)
        try:
            arr = handler.get_pixeldata(ds)
            arr = pydicom.pixel_data_handlers.util.reshape_pixel_array(ds, arr)
            return name, arr, None
        except Exception as exc:  # the next handler is tried, like Dataset.convert_pixel_data
            errors.append(f"{name}: {type(exc).__name__}: {exc}")
    if not errors:
        errors.append(f"no available handler supports {ts} ({ts.name})")
    return None, None, "; ".join(errors)


def pixel_attributes(ds):
    """(BitsAllocated, BitsStored, HighBit, PixelRepresentation), read before decoding.

    NB: pydicom 2.3.1's gdcm handler sets PixelRepresentation to 0 in the data set it decodes when it
    corrects unsigned JPEG 2000 data (through a group_dataset that shares the element objects).
    """
    if "BitsStored" not in ds:
        return None
    stored = int(ds.BitsStored)
    return (int(ds.BitsAllocated), stored, int(ds.get("HighBit", stored - 1)), int(ds.PixelRepresentation))


def stored_values(attributes, arr):
    """Reduces integers to Bits Stored as DICOM PS3.5 8.1.1 says; returns (values, changed count)."""
    if arr.dtype.kind not in "iu" or attributes is None:
        return arr, 0
    allocated, stored, high, representation = attributes
    if allocated <= 1 or (stored == allocated and high == allocated - 1):
        return arr, 0
    wide = arr.astype(np.int64) & ((1 << allocated) - 1)
    wide = (wide >> (high + 1 - stored)) & ((1 << stored) - 1)
    if representation == 1:
        wide = np.where(wide >= (1 << (stored - 1)), wide - (1 << stored), wide)
    out = wide.astype(arr.dtype.newbyteorder("="))
    return out, int(np.count_nonzero(out.astype(np.int64) != arr.astype(np.int64)))


def main(list_file, out_dir):
    lines = []
    with open(list_file) as f:
        entries = [line.rstrip("\n").split("\t", 1) for line in f if line.strip()]
    for ident, path in entries:
        fields = [ident, "error", "", "", "0", "", "0", ""]
        try:
            ds = pydicom.dcmread(path, force=True)
            if not any(k in ds for k in ("PixelData", "FloatPixelData", "DoubleFloatPixelData")):
                fields[1] = "nopixels"
            else:
                if not hasattr(ds, "file_meta") or "TransferSyntaxUID" not in ds.file_meta:
                    raise ValueError("no Transfer Syntax UID in the file meta information")
                attributes = pixel_attributes(ds)
                photometric = str(ds.get("PhotometricInterpretation", ""))
                handler, arr, error = decode(ds)
                if arr is None:
                    fields[7] = error
                else:
                    arr, garbage = stored_values(attributes, arr)
                    arr = np.ascontiguousarray(arr).astype(arr.dtype.newbyteorder("<"))
                    arr.tofile(os.path.join(out_dir, ident + ".raw"))
                    fields[1:7] = ["ok", handler, arr.dtype.str, str(arr.size),
                                   photometric, str(garbage)]
        except Exception as exc:
            fields[7] = f"{type(exc).__name__}: {exc}"
        fields[7] = " ".join(fields[7].split())
        lines.append("\t".join(fields))
    with open(os.path.join(out_dir, "results.tsv"), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
