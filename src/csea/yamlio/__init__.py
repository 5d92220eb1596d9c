"""YAML in and out: reading hostile files safely, validating them into models, writing YAML for people.

```
reader      read_yaml / parse_yaml: limits, strict UTF-8, positions of every value
events      the event builder behind the reader (no recursion, limits checked per event)
scalars     what a scalar's text means under the YAML 1.2 core schema
validation  a document (or part of one) validated against a model, failures as located problems
writer      block-style dumps and in-place edits of one value, comments kept
```
"""
