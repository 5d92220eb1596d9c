"""YAML in and out: reading hostile files safely, validating them, writing and editing YAML for people.

```
reader      read_yaml / parse_yaml: limits, strict UTF-8, positions of every value
events      the event builder behind the reader (no recursion, limits checked per event)
lines       lines as the parser counts them (NEL, U+2028) and as people do
scalars     what a scalar's text means under the YAML 1.2 core schema
validation  a document (or part of one) validated against a model, failures as located problems
writer      block-style dumps that read back exactly; comment lines csea writes
nodes       the node tree with offsets: where a value's text starts and ends, what it means
comments    every comment in a text; lost_comments, the proof a rewrite kept them
edit        set_value, append_item, remove_key, rename_key: one value changed, comments kept
anchors     isolate: cut the anchor ties between one part of a text and the rest
```
"""
