"""The files a team writes: profiles and assessments, read, written, migrated and compared.

```
load       load_profile, load_assessment (with its profile), load_assessments (several at once)
text       an assessment's text cut into answer blocks, so it can be edited byte for byte
rewrite    the rewrite engine (AssessmentEditor): comment-keeping edits, verified, written safely
skeleton   csea init: the skeleton of an assessment, and bringing one up to date
merging    the answer of obligations the catalogue merged into one
migrate    csea migrate: answers carried forward along the catalogue's change log
diff       csea diff: what changed between two assessments of one service
```
"""
