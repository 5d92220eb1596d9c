"""Evaluation: catalogue + profile + answers in, findings, scores, gaps and roll-ups out.

```
engine     evaluate (one assessment) and progress (between two evaluations)
findings   the finding rules, each registered with the code it emits
scoring    credit, roll-ups, the weighted score, percent-to-target, indicator targets,
           explain_score
gaps       the ranked gap list, with the reason for each rank
portfolio  several services rolled up per organisation; whether a check fails
files      assess_files: load, check and evaluate assessment files, once, for every command
```
"""
