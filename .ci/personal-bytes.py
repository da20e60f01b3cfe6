"""Fails if any byte of the demo's outputs (reports, 回执, the import's log) holds the demo's 填报人 or 联系电话.

Every part of an .xlsx is unzipped (its shared strings included); an .xls and a log are searched as they are; each
value in UTF-8 and in UTF-16LE, how an .xls keeps text.
"""
import os
import sys
import zipfile

VALUES = ["王老师", "13900001234"]


def forms(value):
    return [value.encode("utf-8"), value.encode("utf-16-le")]


def parts(path):
    with open(path, "rb") as f:
        head = f.read(2)
    if head == b"PK":
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                yield name, z.read(name)
    else:
        with open(path, "rb") as f:
            yield "", f.read()


found = []
count = 0
for root in sys.argv[1:]:
    paths = [root] if os.path.isfile(root) else [os.path.join(d, n) for d, _, ns in os.walk(root) for n in ns]
    for path in paths:
        count += 1
        for part, data in parts(path):
            for value in VALUES:
                if any(form in data for form in forms(value)):
                    found.append(f"{path} {part}: {value}")
print(f"searched {count} files for the demo's 填报人 and 联系电话: {len(found)} found")
for line in found:
    print("  " + line)
sys.exit(1 if found else 0)
