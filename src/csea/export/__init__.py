"""``csea export``: an assessment in the formats other people, and their tools, read.

```
formats  ExportFormat, ExportSubject, Exported: what a format is, gets and returns
registry FORMATS (one entry per format) and export_format (which one -o asks for)
run      export_assessment: evaluate once, call the format, write_export what it gives
xlsx     the assessment workbook policy staff fill in (csea import reads it back)
```

Adding a format is one module plus one registry entry:

1. A module here with one pure function ``(ExportSubject) -> Exported``. It gets the
   catalogue and the evaluated assessment (its evaluation with the applicability
   verdicts, its answers, the file it came from) and returns the bytes of one file, or
   the files of a folder by relative path. It reads no file and writes none, so it is
   tested without a disk, and the same subject gives the same bytes.
2. One ``ExportFormat`` in ``registry.FORMATS``: its name (``--format``), the function
   as ``"csea.export.module:function"`` (loaded only when that format is used, so
   ``csea`` starts fast), whether it writes a file or a folder, the file suffixes it is
   inferred from (give none when a suffix would be ambiguous, or for a folder), and one
   line of help.

``csea export ASSESSMENT -o OUT`` picks the format from ``--format`` or, failing that,
from the suffix of ``OUT`` when exactly one format claims it; it evaluates the assessment
once (as ``check`` and ``report`` do), calls the format, and writes the result
atomically, never over the assessment or its profile, and never into a special file.
"""
