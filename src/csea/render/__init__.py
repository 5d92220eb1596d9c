"""Renderers: each view renders library results in the formats it offers; nothing here computes.

```
view           View, the format menus (one StrEnum per menu), the parts a view renders to
escape         one escaping function per output language
console        SafeConsole: the terminal console (no markup, emoji or links read)
tabular        Tabular: a titled table shown as a terminal table, JSON or CSV; TableView
catalog        catalogue views: list, show, sources, crosswalk, validate's problems
applicability  csea applicable: the verdicts, and one obligation explained
check          csea check: findings, one line per service and per organisation
diff           csea diff: the changes between two assessments
report         ReportFormat, ReportView, render_report: the report document in every format
terminal       the report as rich tables (plain text in a file)
terminal_summary  its summary for leadership and scorecard by regulator; the table helper
markdown       the report in Markdown
markdown_summary  its summary for leadership, scorecard by regulator and score derivation
markdown_text  Markdown escaping and tables
html           the report as one self-contained HTML page (templates/ beside it)
charts         the HTML report's bar charts, computed here and drawn by the template
heatmap        the regulator x pillar heat map and the legal-duty traffic lights
timeline       gaps by due month (burn-down) and the score trend
spreadsheet    the report as CSV
junit          the report as JUnit XML
wording        the words every human-readable report shares
```
"""
