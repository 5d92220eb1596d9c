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
build      build_report, ReportOptions, parse_generated_at, parse_classification
document   ReportDocument and its parts (the JSON format and its schema)
rows       the rows of a report: one obligation, gap, finding, change, provision, decision
entries    those rows built from one evaluation
briefing   the first page: what leadership must decide or know, and the trend
regulators standing by regulator: scorecards, heat-map cells, legal-duty lights
regulator  --view: a source's or a regulator's provisions and the standing on each
redaction  --redact: a report that can leave the company
```
"""
