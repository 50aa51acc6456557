"""Write the Excel (.xlsx) twin of every CSV import template of data/templates/.

Usage: python scripts/gen_import_templates.py
Same columns and rows as the CSV (the first row holds Odoo's field names, so the
importer maps every column by itself); ISO dates become date cells, whole numbers
number cells, everything else text. Re-run after changing a CSV.
"""

import csv
import datetime
import glob
import os
import re

import xlsxwriter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TEMPLATES = os.path.join(ROOT, "data", "templates")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
INT = re.compile(r"^-?\d{1,9}$")


def write(csv_path):
    with open(csv_path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    out = csv_path[:-4] + ".xlsx"
    book = xlsxwriter.Workbook(out)
    head = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    sheet = book.add_worksheet(os.path.basename(csv_path)[:-4][:31])
    for c, name in enumerate(rows[0]):
        sheet.write_string(0, c, name, head)
        sheet.set_column(c, c, max(12, len(name) + 2))
    sheet.freeze_panes(1, 0)
    for r, row in enumerate(rows[1:], start=1):
        for c, value in enumerate(row):
            if not value:
                continue
            if DATE.match(value):
                sheet.write_datetime(
                    r, c, datetime.datetime.strptime(value, "%Y-%m-%d"), day
                )
            elif INT.match(value) and not value.startswith("0"):
                sheet.write_number(r, c, int(value))
            else:
                sheet.write_string(r, c, value)
    book.close()
    return out


def main():
    for path in sorted(glob.glob(os.path.join(TEMPLATES, "*.csv"))):
        print(write(path))


if __name__ == "__main__":
    main()
