"""Prints pydicom's DICOM JSON Model (PS3.18 F) of each file given, as one JSON object keyed by path.

Oracle for DicomJsonWriterTest: run with Debian's /usr/bin/python3 (pydicom 2.3.1)."""
import json
import sys

import pydicom

out = {}
for path in sys.argv[1:]:
    ds = pydicom.dcmread(path, force=True)
    out[path] = ds.to_json_dict(bulk_data_threshold=10**12)
json.dump(out, sys.stdout)
