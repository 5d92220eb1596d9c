"""Reports: what a T&S lead hands to leadership, auditors and regulators, as one document.

```
assessed services ─► build_report ─► ReportDocument ─► csea.render.report ─► text
(evaluations, answers)  (view, redact)                  terminal, md, html, json, csv, junit
```

[build_report][csea.report.build.build_report] computes everything a report shows (and
redacts it when asked) from evaluations already made: it reads no file and decides no
applicability again. Each format of [csea.render.report][] only lays the document out, so
every format says the same thing.

```
build      build_report, ReportOptions, parse_generated_at
document   ReportDocument and its parts (the JSON format and its schema)
rows       the rows of a report: one obligation, gap, finding, change or provision
regulator  the regulator's view: one source's provisions and the standing on each
redaction  --redact: a report that can leave the company
```
"""
