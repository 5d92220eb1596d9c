"""The catalogue: loading its files, the cross-file checks, questions asked of it, applicability.

```
files          what is read from a catalogue directory before the cross-file checks
loader         load_catalog / validate_catalog: read, validate and check a directory
checks         the cross-file checks, each a rule registered with the codes it emits
regulator_checks  every source belongs to exactly one regulator (regulators.yaml)
harms          which harms an obligation addresses, and the profile's risk level for them
queries        select_obligations, source_coverage, crosswalk, require_obligation
conditions     applies_when conditions evaluated against a profile, with the reasons
applicability  whether each obligation applies to a service, why, and how binding it is
```
"""
