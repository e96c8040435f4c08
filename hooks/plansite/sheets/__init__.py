"""Progress reports through a spreadsheet: export a workbook, import the filled rows.

Agencies report progress in spreadsheets. `export` writes one workbook per plan (or
per agency) with locked context columns and four columns to fill; `read`, `check`
and `append` bring the filled rows back as dated updates, appended to the plan files
without touching a single existing line; `importing` ties the import together.

Used only by `scripts/progress_sheet.py`; nothing in the package imports it.
"""
