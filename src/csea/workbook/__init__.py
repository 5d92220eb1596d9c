"""The assessment workbook: policy staff answer in a spreadsheet, the YAML in git stays the record.

```
columns   the sheets, their columns (kind, editable, secret) and the metadata keys, declared once
content   what the workbook holds, built from an evaluated assessment; --redact
write     the .xlsx bytes (openpyxl), the same bytes for the same content
summary   the Summary sheet: how to fill in, scores per pillar and per source
style     the look the sheets share
```
"""
