"""Reads a workbook back with openpyxl (a second implementation) and prints it as JSON.

Usage: python3 read_back.py WORKBOOK.xlsx

Every sheet, in order: each cell of its used range as {"t": type, "v": value, "fmt": number
format, "bold": bool} (t is "s" text, "n" number, "d" date/time as an ISO string, "b" bool,
"e" empty), plus its freeze panes, print setup, print titles, autofilter, page header and
column widths; and the workbook's title and subject.
"""

import datetime
import json
import sys

import openpyxl
from openpyxl.utils import get_column_letter


def cell_json(cell):
    value = cell.value
    if value is None or value == "":
        kind, value = "e", None
    elif isinstance(value, bool):
        kind = "b"
    elif isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        kind, value = "d", value.isoformat()
    elif isinstance(value, (int, float)):
        kind = "n"
    else:
        kind, value = "s", str(value)
    return {
        "t": kind,
        "v": value,
        "fmt": cell.number_format,
        "bold": bool(cell.font and cell.font.b),
    }


def sheet_json(ws):
    widths = {}
    for dim in ws.column_dimensions.values():
        if dim.width is None or dim.min is None:
            continue
        for index in range(dim.min, dim.max + 1):
            widths[get_column_letter(index)] = dim.width
    setup = ws.page_setup
    page_setup_pr = ws.sheet_properties.pageSetUpPr
    return {
        "name": ws.title,
        "rows": [[cell_json(c) for c in row] for row in ws.iter_rows()],
        "freeze_panes": ws.freeze_panes,
        "orientation": setup.orientation,
        "paper_size": None if setup.paperSize is None else int(setup.paperSize),
        "fit_to_page": bool(page_setup_pr and page_setup_pr.fitToPage),
        # Absent attributes take their ECMA-376 defaults (1 page wide, 1 page high): Excel
        # writers leave fitToWidth="1" out.
        "fit_to_width": 1 if setup.fitToWidth is None else int(setup.fitToWidth),
        "fit_to_height": 1 if setup.fitToHeight is None else int(setup.fitToHeight),
        "print_title_rows": None if ws.print_title_rows is None else str(ws.print_title_rows),
        "auto_filter": ws.auto_filter.ref,
        "header_center": ws.oddHeader.center.text,
        "widths": widths,
    }


def main(path):
    wb = openpyxl.load_workbook(path)
    print(
        json.dumps(
            {
                "title": wb.properties.title,
                "subject": wb.properties.subject,
                "sheets": [sheet_json(ws) for ws in wb.worksheets],
            },
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
