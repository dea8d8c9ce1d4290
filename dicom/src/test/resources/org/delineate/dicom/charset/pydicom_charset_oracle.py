"""Oracle for SpecificCharacterSetPydicomTest: pydicom's decoding of its own charset test files.

Usage: /usr/bin/python3 pydicom_charset_oracle.py FILE...
Prints one JSON object: {"pydicom": version, "files": [{"file", "elements": [...]}, ...]}.
Each element: path (attribute path), vr, charset (the (0008,0005) values in force, [] when absent),
raw (the value field as stored, hex) and values (pydicom's decoded values as str; PN via str()).
Sequence items inherit the enclosing charset unless they have their own (0008,0005) (PS3.5 7.5.3).
Reads the files in place; writes nothing.
"""
import json
import sys

import pydicom
from pydicom.tag import Tag

TEXT_VRS = {"SH", "LO", "ST", "LT", "UC", "UT", "PN"}


def charset_values(ds, inherited):
    raw = ds.get_item(Tag(0x00080005))
    if raw is None:
        return inherited
    value = ds[0x00080005].value
    if value is None or value == "":
        # NB: present but empty means the default repertoire, as when absent
        return [] if raw.value in (None, b"") else [""]
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def as_strings(value):
    if value is None:
        return []
    if isinstance(value, (list, tuple)) or type(value).__name__ == "MultiValue":
        return [str(v) for v in value]
    return [str(value)]


def walk(ds, inherited, prefix, out):
    charset = charset_values(ds, inherited)
    for tag in list(ds.keys()):
        raw = ds.get_item(tag)
        elem = ds[tag]
        path = "%s(%04X,%04X)" % (prefix, tag.group, tag.element)
        if elem.VR == "SQ":
            for i, item in enumerate(elem.value):
                walk(item, charset, "%s[%d]." % (path, i + 1), out)
            continue
        if elem.VR not in TEXT_VRS:
            continue
        raw_bytes = raw.value if isinstance(raw.value, bytes) else b""
        out.append({
            "path": path,
            "vr": elem.VR,
            "charset": charset,
            "raw": raw_bytes.hex(),
            "values": as_strings(elem.value),
        })


def main(paths):
    files = []
    for path in paths:
        ds = pydicom.dcmread(path, force=True)
        elements = []
        walk(ds, [], "", elements)
        files.append({"file": path, "elements": elements})
    json.dump({"pydicom": pydicom.__version__, "files": files}, sys.stdout, ensure_ascii=True, indent=1)


if __name__ == "__main__":
    main(sys.argv[1:])
