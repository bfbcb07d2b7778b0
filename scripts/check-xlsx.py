#!/usr/bin/env python3
"""Check return.xlsx against return.json in one output folder.

Usage: python3 scripts/check-xlsx.py output/2022

For every table of return.json, the sheet of the same title must hold every row (found by its
label in column A, below the header row that starts with 项目) and every cell with the same
value:

- counts: numbers with format 0;
- money (元 and 万元): numbers with format #,##0.00, equal to the two-decimal string exactly;
- rates: numbers with format 0.0, or the text — when return.json has null;
- lockdown months: the text 停 when the count is 0, else the number, with a fill and a note;
- text cells: the same text, escaped as spreadsheet text is (a leading apostrophe before
  = + - @ and the like).

Labels keep their indent level as the cell's indent. No cell of any sheet may be a formula or
a string that would start one. The monthly sheet must have a chart over its twelve month rows.
When rejects.csv sits in the folder too, the data-problems sheet must list its records in the
same order with the same fields, and every file's reconciliation must add up.

Prints a short summary; exits 1 on any mismatch, 2 when the files cannot be read.
"""

import csv
import json
import re
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

try:
    import openpyxl
except ImportError:
    sys.exit("check-xlsx: openpyxl is required (Debian: apt-get install python3-openpyxl)")

# The first characters that make Excel or WPS read a cell as a formula (TextEscaping.spreadsheetCell).
FORMULA_TRIGGERS = set("=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20")
PROBLEMS_SHEET = "数据问题"
# ReturnXLSXRenderer.maximumProblemRows: the most problems the sheet lists.
MAXIMUM_PROBLEM_ROWS = 100_000
MAX_REPORTED = 40


def spreadsheet_text(text):
    """Text as the workbook writes it: formula triggers neutralised, and control characters other
    than tab and line breaks shown as their Unicode pictures (NUL as U+2400, and so on)."""
    if text and text[0] in FORMULA_TRIGGERS:
        text = "'" + text
    return "".join(chr(0x2400 + ord(c)) if ord(c) < 0x20 and c not in "\t\n\r" else c for c in text)


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def cell_kind(table, column_index, row, cell):
    """What a return.json cell holds, as return.json says: count, suspended, money, rate or text."""
    kind = cell.get("kind", "text")
    return {"wanyuan": "money", "decimal": "rate"}.get(kind, kind)


class Checker:
    def __init__(self, folder):
        self.folder = Path(folder)
        self.problems = []
        self.counts = {"tables": 0, "rows": 0, "count": 0, "money": 0, "rate": 0, "suspended": 0, "text": 0,
                       "cells": 0, "problem_rows": 0, "files": 0}

    def fail(self, message):
        self.problems.append(message)

    # -- tables ---------------------------------------------------------------------------------

    def find_sheet(self, workbook, index, title):
        wanted = spreadsheet_text(title)
        for sheet in workbook.worksheets:
            if any(sheet.cell(row=r, column=1).value == wanted for r in range(1, 4)):
                return sheet
        if index < len(workbook.worksheets):
            self.fail(f"{title}: no sheet has the title in its top rows; using sheet {index + 1}")
            return workbook.worksheets[index]
        return None

    @staticmethod
    def header_row(sheet):
        for row in range(1, min(sheet.max_row, 30) + 1):
            if sheet.cell(row=row, column=1).value == "项目":
                return row
        return None

    def check_table(self, workbook, index, table):
        title = table["title"]
        sheet = self.find_sheet(workbook, index, title)
        if sheet is None:
            self.fail(f"{title}: no sheet")
            return
        header = self.header_row(sheet)
        if header is None:
            self.fail(f"{sheet.title}: no header row starting with 项目")
            return
        for column_index, column in enumerate(table["columns"]):
            heading = column["title"] + (f"（{column['unit']}）" if column["unit"] else "")
            actual = sheet.cell(row=header, column=column_index + 2).value
            if actual != heading:
                self.fail(f"{sheet.title}: column {column_index + 2} heading is {actual!r}, expected {heading!r}")

        # Labels below the header, in order; a repeated label (其他) is matched occurrence by occurrence.
        rows_by_label = {}
        row_number = header + 1
        while sheet.cell(row=row_number, column=1).value not in (None, ""):
            rows_by_label.setdefault(sheet.cell(row=row_number, column=1).value, []).append(row_number)
            row_number += 1

        self.counts["tables"] += 1
        numbers = 0
        for row in table["rows"]:
            label = spreadsheet_text(row.get("display_label", row["label"]))
            candidates = rows_by_label.get(label, [])
            if not candidates:
                self.fail(f"{sheet.title}: no row labelled {label!r}")
                continue
            sheet_row = candidates.pop(0)
            self.counts["rows"] += 1
            label_cell = sheet.cell(row=sheet_row, column=1)
            indent = int(label_cell.alignment.indent or 0)
            if indent != row.get("level", 0):
                self.fail(f"{sheet.title}!A{sheet_row}: indent {indent}, expected level {row.get('level', 0)}")
            for column_index, cell in enumerate(row["cells"]):
                kind = cell_kind(table, column_index, row, cell)
                target = sheet.cell(row=sheet_row, column=column_index + 2)
                self.check_cell(sheet.title, target, kind, cell.get("value"))
                self.counts[kind] += 1
                self.counts["cells"] += 1
                numbers += kind != "text"
        print(f"  {sheet.title}: {len(table['rows'])} rows, {numbers} numeric cells")

    def check_cell(self, sheet_title, target, kind, expected):
        where = f"{sheet_title}!{target.coordinate}"
        actual = target.value
        if kind == "count":
            if not is_number(actual) or actual != expected:
                self.fail(f"{where}: {actual!r}, expected the number {expected}")
            elif target.number_format != "0":
                self.fail(f"{where}: count format {target.number_format!r}, expected '0'")
        elif kind == "suspended":
            if expected == 0:
                if actual != "停":
                    self.fail(f"{where}: {actual!r}, expected 停 for an empty lockdown month")
            elif not is_number(actual) or actual != expected:
                self.fail(f"{where}: {actual!r}, expected the number {expected} in a lockdown month")
            if target.fill is None or target.fill.fill_type != "solid":
                self.fail(f"{where}: lockdown month without a fill")
            if target.comment is None or not target.comment.text:
                self.fail(f"{where}: lockdown month without a note")
        elif kind == "money":
            if not is_number(actual):
                self.fail(f"{where}: {actual!r}, expected the number {expected}")
            elif Decimal(repr(float(actual))).quantize(Decimal("0.01")) != Decimal(expected) \
                    or float(actual) != float(expected):
                self.fail(f"{where}: {actual!r}, expected {expected}")
            elif target.number_format != "#,##0.00":
                self.fail(f"{where}: money format {target.number_format!r}, expected '#,##0.00'")
        elif kind == "rate":
            if expected is None:
                if actual != "—":
                    self.fail(f"{where}: {actual!r}, expected — for a rate that cannot be computed")
            elif not is_number(actual) or float(actual) != float(expected):
                self.fail(f"{where}: {actual!r}, expected the number {expected}")
            elif target.number_format != "0.0":
                self.fail(f"{where}: rate format {target.number_format!r}, expected '0.0'")
        else:
            wanted = spreadsheet_text(str(expected))
            if actual != wanted:
                self.fail(f"{where}: {actual!r}, expected the text {wanted!r}")

    # -- the whole workbook -----------------------------------------------------------------------

    def check_no_formulas(self, workbook):
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.data_type == "f":
                        self.fail(f"{sheet.title}!{cell.coordinate}: a formula: {cell.value!r}")
                    elif isinstance(cell.value, str) and cell.value and cell.value[0] in FORMULA_TRIGGERS:
                        self.fail(f"{sheet.title}!{cell.coordinate}: text that starts a formula: {cell.value!r}")

    def check_monthly_chart(self, workbook_path, workbook, document):
        monthly = next((t for t in document["tables"] if t["id"] == "monthly"), None)
        if monthly is None:
            return
        sheet = self.find_sheet(workbook, document["tables"].index(monthly), monthly["title"])
        header = self.header_row(sheet) if sheet else None
        if header is None:
            return
        month_labels = [spreadsheet_text(r["label"]) for r in monthly["rows"] if re.fullmatch(r"\d{4}-\d{2}", r["id"])]
        month_rows = [r for r in range(header + 1, header + 1 + len(monthly["rows"]))
                      if sheet.cell(row=r, column=1).value in month_labels]
        with zipfile.ZipFile(workbook_path) as archive:
            charts = [name for name in archive.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", name)]
            references = []
            for name in charts:
                references += re.findall(r"<c:f>([^<]*)</c:f>", archive.read(name).decode("utf-8"))
        if not charts:
            self.fail(f"{sheet.title}: no chart in the workbook")
            return
        quoted = "'" + sheet.title.replace("'", "''") + "'!"
        wanted = f"$A${month_rows[0]}:$A${month_rows[-1]}" if month_rows else "?"
        if len(month_rows) != 12 or not any(ref == quoted + wanted for ref in references):
            self.fail(f"{sheet.title}: the chart does not read the twelve month rows ({quoted}{wanted}); "
                      f"it reads {sorted(set(references))}")
        else:
            series = [ref for ref in references if ref.startswith(quoted) and not ref.endswith(wanted)]
            print(f"  chart on {sheet.title}: {len(series)} series over rows {month_rows[0]}–{month_rows[-1]}")

    def check_problems(self, workbook):
        if PROBLEMS_SHEET not in workbook.sheetnames:
            self.fail(f"no sheet {PROBLEMS_SHEET}")
            return
        sheet = workbook[PROBLEMS_SHEET]
        account_header = problem_header = None
        for row in range(1, sheet.max_row + 1):
            first, second = sheet.cell(row=row, column=1).value, sheet.cell(row=row, column=2).value
            if first == "文件 file" and second == "数据集 dataset" and account_header is None:
                account_header = row
            if first == "文件 file" and second == "行 row" and problem_header is None:
                problem_header = row
        if account_header is None or problem_header is None:
            self.fail(f"{PROBLEMS_SHEET}: missing the reconciliation or the problem list header")
            return

        row = account_header + 1
        while sheet.cell(row=row, column=1).value not in (None, ""):
            read, accepted, rejected, duplicates = (sheet.cell(row=row, column=c).value for c in (6, 7, 8, 9))
            if not all(is_number(v) for v in (read, accepted, rejected, duplicates)):
                self.fail(f"{PROBLEMS_SHEET}!A{row}: reconciliation counts are not numbers")
            elif read != accepted + rejected + duplicates:
                self.fail(f"{PROBLEMS_SHEET}!A{row}: read {read} ≠ accepted {accepted} + rejected {rejected} "
                          f"+ duplicates {duplicates}")
            self.counts["files"] += 1
            row += 1

        rejects_path = self.folder / "rejects.csv"
        if not rejects_path.exists():
            print(f"  {PROBLEMS_SHEET}: no rejects.csv beside the workbook; problem list not compared")
            return
        with open(rejects_path, encoding="utf-8-sig", newline="") as handle:
            records = list(csv.reader(handle))
        header, records = records[0], records[1:]
        mismatches_before = len(self.problems)
        listed = [sheet.cell(row=problem_header, column=c + 1).value for c in range(len(header))]
        if listed != header:
            self.fail(f"{PROBLEMS_SHEET}: header {listed} differs from rejects.csv {header}")
        # The sheet lists at most MAXIMUM_PROBLEM_ROWS; then one note says how many more
        # rejects.csv holds, and the rest are not compared.
        listed_records = records[:MAXIMUM_PROBLEM_ROWS]
        if len(records) > MAXIMUM_PROBLEM_ROWS:
            note_row = problem_header + 1 + MAXIMUM_PROBLEM_ROWS
            note = sheet.cell(row=note_row, column=1).value or ""
            unlisted = len(records) - MAXIMUM_PROBLEM_ROWS
            if f"另有 {unlisted} 条未列出" not in note:
                self.fail(f"{PROBLEMS_SHEET}!A{note_row}: {note!r}, expected a note on the {unlisted} unlisted problems")
        for offset, record in enumerate(listed_records):
            row = problem_header + 1 + offset
            for column, expected in enumerate(record):
                actual = sheet.cell(row=row, column=column + 1).value
                if column in (1, 2, 3):
                    if not is_number(actual) or actual != int(expected):
                        self.fail(f"{PROBLEMS_SHEET}!R{row}C{column + 1}: {actual!r}, expected the number {expected}")
                elif (actual or "") != spreadsheet_text(expected):
                    self.fail(f"{PROBLEMS_SHEET}!R{row}C{column + 1}: {actual!r}, expected {expected!r}")
        below = problem_header + 1 + len(listed_records) + (1 if len(records) > MAXIMUM_PROBLEM_ROWS else 0)
        extra = sheet.cell(row=below, column=1).value
        if records and extra not in (None, ""):
            self.fail(f"{PROBLEMS_SHEET}: more problem rows than rejects.csv has records")
        self.counts["problem_rows"] = len(listed_records)
        verdict = "match" if len(self.problems) == mismatches_before else "do not all match"
        unlisted = f" (and a note on the {len(records) - len(listed_records)} more)" if len(records) > len(listed_records) else ""
        print(f"  {PROBLEMS_SHEET}: {self.counts['files']} files reconciled, {len(listed_records)} problem rows "
              f"{verdict} rejects.csv{unlisted}")

    def run(self):
        workbook_path = self.folder / "return.xlsx"
        json_path = self.folder / "return.json"
        try:
            document = json.loads(json_path.read_text(encoding="utf-8"))
            workbook = openpyxl.load_workbook(workbook_path)
        except (OSError, ValueError, zipfile.BadZipFile) as error:
            print(f"check-xlsx: cannot read {workbook_path} and {json_path}: {error}", file=sys.stderr)
            return 2
        print(f"{workbook_path}: {len(workbook.sheetnames)} sheets")
        for index, table in enumerate(document["tables"]):
            self.check_table(workbook, index, table)
        self.check_monthly_chart(workbook_path, workbook, document)
        self.check_problems(workbook)
        self.check_no_formulas(workbook)

        c = self.counts
        numeric = c["count"] + c["money"] + c["rate"] + c["suspended"]
        print(f"checked {c['tables']} tables, {c['rows']} rows, {c['cells']} cells: {numeric} numeric "
              f"({c['count']} counts, {c['money']} money, {c['rate']} rates, {c['suspended']} lockdown), "
              f"{c['text']} text; {c['problem_rows']} problem rows; no formulas allowed")
        if self.problems:
            for problem in self.problems[:MAX_REPORTED]:
                print(f"MISMATCH {problem}")
            if len(self.problems) > MAX_REPORTED:
                print(f"… and {len(self.problems) - MAX_REPORTED} more")
            print(f"FAILED: {len(self.problems)} mismatches")
            return 1
        print("OK")
        return 0


def main(arguments):
    if len(arguments) != 1:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    return Checker(arguments[0]).run()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
