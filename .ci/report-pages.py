#!/usr/bin/env python3
"""Renders the pages of report PDFs to PNG images and states the smallest printed text.

usage: report-pages.py OUT_DIR DPI FILE.pdf...

Every page of every PDF becomes OUT_DIR/<pdf name>/page-NNN.png at DPI dots per inch (pdftoppm). The smallest text is
measured from the boxes pdftotext reports for words in Chinese (in the CJK font LibreOffice prints them with, a box is
1.18 times the type size: 13.0 pt for 11 pt type); the script fails when any such text prints under 8 pt, that is a
box under 9.4 pt high.
"""
import pathlib
import re
import subprocess
import sys

SMALLEST_BOX = 9.4
RATIO = 1.18
CJK = re.compile('[\u4e00-\u9fff]')

out_dir = pathlib.Path(sys.argv[1])
dpi = sys.argv[2]
failed = False
for pdf in map(pathlib.Path, sys.argv[3:]):
    target = out_dir / pdf.stem
    target.mkdir(parents=True, exist_ok=True)
    subprocess.run(['pdftoppm', '-r', dpi, '-png', str(pdf), str(target / 'page')], check=True)
    text = subprocess.run(['pdftotext', '-bbox', str(pdf), '-'], capture_output=True, text=True, check=True).stdout
    page, smallest = 0, (1e9, 0, '')
    for line in text.splitlines():
        if line.lstrip().startswith('<page'):
            page += 1
        m = re.search(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<', line)
        if m and CJK.search(m.group(3)) and float(m.group(2)) - float(m.group(1)) < smallest[0]:
            smallest = (float(m.group(2)) - float(m.group(1)), page, m.group(3))
    images = len(list(target.glob('page*.png')))
    print(f'{pdf.name}: {page} pages rendered to {images} images at {dpi} dpi; smallest text box {smallest[0]:.1f} pt '
          f'(about {smallest[0] / RATIO:.1f} pt type) on page {smallest[1]} ("{smallest[2][:16]}")')
    if images != page or smallest[0] < SMALLEST_BOX:
        failed = True
sys.exit(1 if failed else 0)
