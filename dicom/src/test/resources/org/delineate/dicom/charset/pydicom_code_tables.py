"""Oracle for SpecificCharacterSetPydicomTest: pydicom's code tables per Defined Term.

Usage: /usr/bin/python3 pydicom_code_tables.py
Prints one JSON object {"pydicom": version, "tables": {term: {"escape": hex, "chars": {hex: str}}}}:
for each single-byte term the characters pydicom decodes bytes 0x80-0xFF to, and for each
ideographic term those of every two-byte code (GL pairs for ISO-IR 87/159, GR pairs for
ISO-IR 149/58), decoded by pydicom.charset.decode_bytes behind the term's escape sequence
(value 1 empty, the term as value 2). Codes pydicom cannot decode to exactly one character are
left out. ISO 2022 IR 58 is decoded as value 1 without escape: pydicom 2.3.1 keeps the escape
sequence ESC $ ) A in its output (it expects Python's gb2312 codec to strip it, which it does not).
"""
import json
import sys
import warnings

import pydicom
from pydicom.charset import convert_encodings, decode_bytes

SINGLE_BYTE = ["ISO_IR 100", "ISO_IR 101", "ISO_IR 109", "ISO_IR 110", "ISO_IR 144", "ISO_IR 127",
               "ISO_IR 126", "ISO_IR 138", "ISO_IR 148", "ISO_IR 166", "ISO_IR 13"]
# term -> (escape sequence, byte range of each half)
MULTI_BYTE = {
    "ISO 2022 IR 87": (b"\x1b$B", range(0x21, 0x7F)),
    "ISO 2022 IR 159": (b"\x1b$(D", range(0x21, 0x7F)),
    "ISO 2022 IR 149": (b"\x1b$)C", range(0xA1, 0xFF)),
    "ISO 2022 IR 58": (b"", range(0xA1, 0xFF)),
}


def one_char(text):
    return len(text) == 1 and text != "\ufffd"


def main():
    warnings.simplefilter("ignore")
    tables = {}
    for term in SINGLE_BYTE:
        encodings = convert_encodings([term])
        chars = {}
        for b in range(0x80, 0x100):
            text = decode_bytes(bytes([b]), encodings, set())
            if one_char(text):
                chars["%02x" % b] = text
        tables[term] = {"escape": "", "chars": chars}
    for term, (escape, half) in MULTI_BYTE.items():
        encodings = convert_encodings([term] if not escape else ["", term])
        chars = {}
        for b1 in half:
            for b2 in half:
                text = decode_bytes(escape + bytes([b1, b2]), encodings, set())
                if one_char(text):
                    chars["%02x%02x" % (b1, b2)] = text
        tables[term] = {"escape": escape.hex(), "chars": chars}
    json.dump({"pydicom": pydicom.__version__, "tables": tables}, sys.stdout, ensure_ascii=True)


if __name__ == "__main__":
    main()
