"""Smaller models in memory: identical field-set records shared between model instances.

Every pydantic model instance records which of its fields were given (its
``model_fields_set``), in a set of its own: for a catalogue, more memory than the values of
the fields themselves. csea's models are frozen, so these sets never change after
validation, and instances that were given the same fields can share one.
[share_field_sets][csea.models.compact.share_field_sets] makes them share, once a catalogue
is loaded, before it is kept for the rest of the command (and in the catalogue cache).
"""

# Annotations are not postponed: pydantic reads them as the class is built, and a postponed
# (string) annotation costs a compile and an eval for every field at each start.

from typing import Any

from pydantic import BaseModel

__all__ = ["FieldSets", "share_field_sets"]

_LEAVES = frozenset({str, int, float, bool, type(None)})


class FieldSets:
    """The shared field-set records: one per distinct set of given fields.

    [share][csea.models.compact.FieldSets.share] can be called model by model as they are
    validated (a catalogue file by file), so the records left over are freed while loading
    and never all held at once.
    """

    def __init__(self) -> None:
        self._shared: dict[frozenset[str], set[str]] = {}
        self._models: dict[type, bool] = {}
        """Whether each type met is a model class (leaves are never looked at twice)."""

    def share(self, root: BaseModel) -> None:
        """Make the frozen models under ``root`` given the same fields share one record."""
        shared, models = self._shared, self._models
        stack: list[Any] = [root]
        while stack:
            value = stack.pop()
            kind = type(value)
            if kind is list or kind is tuple:
                stack += [v for v in value if type(v) not in _LEAVES]
            elif kind is dict:
                stack += [v for v in value.values() if type(v) not in _LEAVES]
            elif models.get(kind) is None:
                models[kind] = issubclass(kind, BaseModel)
                stack.append(value)
            elif models[kind]:
                given = value.__pydantic_fields_set__
                if value.model_config.get("frozen"):
                    record = shared.setdefault(frozenset(given), given)
                    object.__setattr__(value, "__pydantic_fields_set__", record)
                stack += [v for v in value.__dict__.values() if type(v) not in _LEAVES]


def share_field_sets(root: BaseModel) -> None:
    """Make the frozen models under ``root`` that were given the same fields share one record."""
    FieldSets().share(root)
