"""Every field of every csea model is documented, so the API pages and JSON Schemas explain it.

Ruff's ``D`` rules enforce docstrings on modules, classes and functions; a pydantic field's
documentation is its attribute docstring, which ruff cannot see. This test reads the
docstrings as the API pages do (with griffe, the library mkdocstrings uses).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import griffe
from pydantic import BaseModel

import csea


def csea_models() -> list[type[BaseModel]]:
    """Every pydantic model defined in a csea module, in module order."""
    found: list[type[BaseModel]] = []
    modules = pkgutil.walk_packages(csea.__path__, prefix="csea.")
    for info in (m for m in modules if not m.name.endswith("__main__")):
        module = importlib.import_module(info.name)
        found += [
            obj
            for _, obj in inspect.getmembers(module, inspect.isclass)
            if issubclass(obj, BaseModel)
            and obj.__module__ == info.name
            and obj.__pydantic_generic_metadata__["origin"] is None  # documented on the origin
        ]
    return found


def test_every_model_field_has_a_docstring() -> None:
    package = griffe.load("csea", search_paths=["src"])
    models = csea_models()
    undocumented = [
        f"{model.__module__}.{model.__qualname__}.{name}"
        for model in models
        for name in model.model_fields
        if not _docstring(package, f"{model.__module__}.{model.__qualname__}.{name}")
    ]
    assert (len(models) >= 40, undocumented) == (True, [])


def _docstring(package: griffe.Object | griffe.Alias, path: str) -> str:
    member = package[path.removeprefix("csea.")]
    return member.docstring.value.strip() if member.docstring else ""
