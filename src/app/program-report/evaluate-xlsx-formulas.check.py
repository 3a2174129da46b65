#!/usr/bin/python3
"""Evaluates every formula of an XLSX workbook independently of Excel and of Otklik, and compares
each result with the value cached in the file (what Excel shows before it recalculates).

Reads the workbook with openpyxl (Debian's python3-openpyxl): the formulas as written, and the
cached values. Evaluates the subset of Excel the program report uses — + - * / ^, comparisons,
cell and range references across sheets, SUM, SUMPRODUCT, ROUND (half away from zero, as Excel),
MOD, ABS, MIN, MAX, IF — with numpy for ranges. Prints one line of JSON: how many formulas, the
largest difference, and every cell whose result differs from its cache by more than the tolerance.

    /usr/bin/python3 evaluate-xlsx-formulas.check.py report.xlsx
"""
import json
import math
import re
import sys
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import openpyxl
from openpyxl.utils import column_index_from_string, get_column_letter

path = sys.argv[1]
formulas = openpyxl.load_workbook(path, data_only=False)
cached = openpyxl.load_workbook(path, data_only=True)
memo = {}

TOKEN = re.compile(r"""
    (?P<sheetref>'(?:[^']|'')+'!|[A-Za-z_][\w.]*!)?(?P<ref>\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)
  | (?P<number>\d+(?:\.\d+)?(?:E[+-]?\d+)?)
  | (?P<func>[A-Z][A-Z0-9.]*)\(
  | (?P<op><=|>=|<>|[-+*/^(),<>=&])
  | (?P<space>\s+)
""", re.X)


def excel_round(x, digits):
    q = Decimal(1).scaleb(-int(digits))
    return float(Decimal(repr(float(x))).quantize(q, rounding=ROUND_HALF_UP))


FUNCS = {
    'SUM': lambda *a: float(sum(np.sum(x) for x in a)),
    'SUMPRODUCT': lambda *a: float(np.sum(np.prod(np.array(a), axis=0))),
    'ROUND': excel_round,
    'MOD': lambda n, d: n - d * math.floor(n / d),
    'ABS': abs,
    'MIN': lambda *a: float(min(np.min(x) for x in a)),
    'MAX': lambda *a: float(max(np.max(x) for x in a)),
    'IF': lambda c, t, f=False: t if c else f,
}


def cell_value(sheet, address):
    key = (sheet, address)
    if key in memo:
        return memo[key]
    raw = formulas[sheet][address].value
    value = evaluate(sheet, raw[1:]) if isinstance(raw, str) and raw.startswith('=') else (raw if raw is not None else 0)
    memo[key] = value
    return value


def range_values(sheet, first, last):
    c1, r1 = split(first)
    c2, r2 = split(last)
    return np.array([[cell_value(sheet, f'{get_column_letter(c)}{r}') for c in range(c1, c2 + 1)] for r in range(r1, r2 + 1)], dtype=float).ravel()


def split(address):
    m = re.fullmatch(r'([A-Z]+)(\d+)', address.replace('$', ''))
    return column_index_from_string(m.group(1)), int(m.group(2))


def evaluate(sheet, text):
    out = []
    pos = 0
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m:
            raise ValueError(f'cannot read {text[pos:]!r} in {text!r}')
        pos = m.end()
        if m.group('ref'):
            target = sheet
            if m.group('sheetref'):
                target = m.group('sheetref')[:-1].strip("'").replace("''", "'")
            ref = m.group('ref').replace('$', '')
            if ':' in ref:
                a, b = ref.split(':')
                out.append(f'R({target!r},{a!r},{b!r})')
            else:
                out.append(f'C({target!r},{ref!r})')
        elif m.group('number'):
            out.append(m.group('number'))
        elif m.group('func'):
            out.append(f"F[{m.group('func')!r}](")
        elif m.group('op'):
            op = m.group('op')
            out.append({'^': '**', '=': '==', '<>': '!=', '&': '+'}.get(op, op))
    return eval(''.join(out), {'C': cell_value, 'R': range_values, 'F': FUNCS})


count = 0
worst = 0.0
mismatches = []
for ws in formulas.worksheets:
    for row in ws.iter_rows():
        for cell in row:
            if not (isinstance(cell.value, str) and cell.value.startswith('=')):
                continue
            count += 1
            got = cell_value(ws.title, cell.coordinate)
            want = cached[ws.title][cell.coordinate].value
            diff = abs(float(got) - float(want)) if want is not None else math.inf
            # A money cell must agree to the kopeck exactly; any other to 1e-12 relative.
            tolerance = 1e-9 if '₽' in (cell.number_format or '') else 1e-12 * max(1.0, abs(float(want or 0)))
            worst = max(worst, diff if want is not None else worst)
            if diff > tolerance:
                mismatches.append({'cell': f'{ws.title}!{cell.coordinate}', 'formula': cell.value, 'evaluated': got, 'cached': want})
print(json.dumps({'formulas': count, 'max_difference': worst, 'mismatches': mismatches}, ensure_ascii=False))
