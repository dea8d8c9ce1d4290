#!/usr/bin/python3
"""pydicom's view of DICOM files, as normalized JSON: the oracle of Delineate's codec comparison.

Usage: /usr/bin/python3 pydicom_oracle.py LIST OUT
  LIST  a text file with one path per line (UTF-8)
  OUT   where to write one JSON object per line, one per input file, in input order

Each file is read with pydicom.dcmread(path, force=True) and every element of the File Meta
Information and of the data set is emitted, recursively through sequences:

  {"file": PATH, "ok": true, "pydicom": VERSION, "implicit": BOOL, "little": BOOL,
   "meta": [ELEMENT...], "dataset": [ELEMENT...]}
  {"file": PATH, "ok": false, "error": {"type": NAME, "message": TEXT}}

  ELEMENT = {"tag": "ggggeeee", "vr": VR, "kind": KIND, "value": VALUE}
  KIND    strings    list of str: text after pydicom's decoding; PN as str(PersonName)
          numbers    list of int/float (DS, IS, US, SS, UL, SL, SV, UV, FL, FD); NaN and
                     infinities as the strings "NaN", "Infinity", "-Infinity"
          tags       list of "ggggeeee" (AT)
          bytes      {"length": N, "sha256": HEX} of the value, with multi-byte binary values
                     (OW, OF, OL, OD, OV) put in little-endian order so that byte order does not count;
                     a UN value starting with an Item tag also has "sequence": its items parsed by
                     pydicom as Implicit VR Little Endian (PS3.5 6.2.2), or null if they do not parse
          fragments  {"lengths": [N...], "sha256": HEX}: the items of an undefined-length binary
                     value (encapsulated Pixel Data), the Basic Offset Table first; the hash covers
                     the items' bytes in order
          items      list of lists of ELEMENT (SQ)
          error      {"type", "message", "length", "sha256"} when pydicom could not convert the
                     value; the hash is of the raw bytes as read

This script only reports what pydicom decoded; the normalizations that make it comparable with
Delineate's model are in the Java comparator (see docs/codec-comparison.md).
"""
import hashlib
import json
import math
import struct
import sys
import warnings

import pydicom
from pydicom.dataelem import RawDataElement
from pydicom.multival import MultiValue
from pydicom.values import convert_SQ

NUMBER_VRS = {"DS", "IS", "US", "SS", "UL", "SL", "SV", "UV", "FL", "FD"}
SWAP_UNIT = {"OW": 2, "OF": 4, "OL": 4, "OD": 8, "OV": 8}


def as_list(value):
    if value is None or value == "" or value == b"":
        return []
    if isinstance(value, (MultiValue, list, tuple)):
        return list(value)
    return [value]


def vr_name(vr):
    """'LO' for pydicom's VR enum (whose str() is 'VR.LO') and for a plain str."""
    return vr.value if hasattr(vr, "value") else str(vr)


def number(v):
    if v is None or v == "":
        return ""
    if isinstance(v, float) or type(v).__name__ in ("DSfloat", "DSdecimal"):
        f = float(v)
        if math.isnan(f):
            return "NaN"
        if math.isinf(f):
            return "Infinity" if f > 0 else "-Infinity"
        return f
    return int(v)


def little_endian(raw, vr, little):
    unit = SWAP_UNIT.get(vr, 1)
    if little or unit == 1:
        return raw
    whole = len(raw) - len(raw) % unit
    out = bytearray(raw)
    for i in range(0, whole, unit):
        out[i:i + unit] = raw[i:i + unit][::-1]
    return bytes(out)


def digest(raw):
    return {"length": len(raw), "sha256": hashlib.sha256(raw).hexdigest()}


def fragments(raw, little):
    fmt = "<HHL" if little else ">HHL"
    lengths = []
    sha = hashlib.sha256()
    pos = 0
    while pos + 8 <= len(raw):
        group, elem, length = struct.unpack_from(fmt, raw, pos)
        pos += 8
        if (group, elem) == (0xFFFE, 0xE0DD):
            break
        if (group, elem) != (0xFFFE, 0xE000):
            raise ValueError("expected an item at byte %d of the encapsulated value, found (%04X,%04X)"
                             % (pos - 8, group, elem))
        lengths.append(length)
        sha.update(raw[pos:pos + length])
        pos += length
    return {"lengths": lengths, "sha256": sha.hexdigest()}


def element(ds, tag, little):
    raw_elem = ds._dict[tag]
    raw_bytes = raw_elem.value if isinstance(raw_elem, RawDataElement) else None
    try:
        elem = ds[tag]
        vr = vr_name(elem.VR)
        value = elem.value
        if vr == "SQ":
            return {"tag": "%08X" % tag, "vr": vr, "kind": "items",
                    "value": [data_set(item, little) for item in (value or [])]}
        if isinstance(value, (bytes, bytearray)):
            if elem.is_undefined_length:
                return {"tag": "%08X" % tag, "vr": vr, "kind": "fragments", "value": fragments(bytes(value), little)}
            record = {"tag": "%08X" % tag, "vr": vr, "kind": "bytes",
                      "value": digest(little_endian(bytes(value), vr, little))}
            if vr == "UN" and bytes(value[:4]) == b"\xfe\xff\x00\xe0":
                record["sequence"] = un_as_sequence(bytes(value), ds)
            return record
        if vr in SWAP_UNIT or vr in ("OB", "UN"):  # an empty binary value, which pydicom gives as None
            return {"tag": "%08X" % tag, "vr": vr, "kind": "bytes", "value": digest(b"")}
        if vr == "AT":
            return {"tag": "%08X" % tag, "vr": vr, "kind": "tags", "value": ["%08X" % int(v) for v in as_list(value)]}
        if vr in NUMBER_VRS:
            return {"tag": "%08X" % tag, "vr": vr, "kind": "numbers", "value": [number(v) for v in as_list(value)]}
        return {"tag": "%08X" % tag, "vr": vr, "kind": "strings", "value": [str(v) for v in as_list(value)]}
    except Exception as e:  # pydicom could not convert this value: report it, with the raw bytes
        raw = bytes(raw_bytes or b"")
        vr = vr_name(raw_elem.VR) if raw_elem.VR is not None else ""
        return {"tag": "%08X" % tag, "vr": vr, "kind": "error",
                "value": dict(digest(raw), type=type(e).__name__, message=str(e))}


def un_as_sequence(raw, ds):
    """The items of a UN value that starts with an Item tag, parsed as PS3.5 6.2.2 says a UN value
    is encoded (Implicit VR Little Endian), or None if they do not parse."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            seq = convert_SQ(raw, True, True, ds._character_set)
            return [data_set(item, True) for item in seq]
    except Exception:
        return None


def data_set(ds, little):
    return [element(ds, tag, little) for tag in sorted(ds._dict.keys())]


def describe(path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ds = pydicom.dcmread(path, force=True)
        little = ds.is_little_endian if ds.is_little_endian is not None else True
        meta = ds.file_meta if getattr(ds, "file_meta", None) is not None else None
        return {"file": path, "ok": True, "pydicom": pydicom.__version__,
                "implicit": bool(ds.is_implicit_VR), "little": bool(little),
                "meta": data_set(meta, True) if meta is not None else [],
                "dataset": data_set(ds, little)}


def main(list_file, out_file):
    with open(list_file, encoding="utf-8") as f:
        paths = [line.rstrip("\n") for line in f if line.strip()]
    with open(out_file, "w", encoding="utf-8") as out:
        for path in paths:
            try:
                record = describe(path)
            except Exception as e:
                record = {"file": path, "ok": False, "error": {"type": type(e).__name__, "message": str(e)}}
            out.write(json.dumps(record, allow_nan=False) + "\n")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
