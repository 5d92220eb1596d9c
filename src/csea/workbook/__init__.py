"""The assessment workbook: policy staff answer in a spreadsheet, the YAML in git stays the record.

```
columns   the sheets, their columns (kind, editable, secret) and the metadata keys, declared once
content   what the workbook holds, built from an evaluated assessment; --redact
write     the .xlsx bytes (openpyxl), the same bytes for the same content
summary   the Summary sheet: how to fill in, scores per pillar and per source
style     the look the sheets share
package   checks on a workbook file before anything parses it (zip bombs, macros, links, DTDs)
read      the cells csea reads, bounded, values only (formulas never evaluated)
cells     what a cell means: text, dates typed as text, statuses, labels; formulas refused
snapshot  what the export wrote in the editable cells (the import compares against it)
plan      the edits a filled-in workbook makes, every bad cell reported at once
merge     the edits applied field by field; conflicts with later changes (import --force)
imports   csea import end to end: check, plan, merge, and what changed in csea diff's words
```
"""
