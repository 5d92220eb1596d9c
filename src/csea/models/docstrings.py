"""Field descriptions for the JSON Schemas, read from the attribute docstrings when asked.

Every field of a csea model is documented by the docstring under it. Reading those
docstrings means reading and parsing source code, which costs more than building the
models themselves, so models are built without them (every command starts faster) and
[document_models][csea.models.docstrings.document_models] adds them as field descriptions only
when a schema is generated. The rule is pydantic's ``use_attribute_docstrings``: a string
statement right after an annotated field in the class body documents that field; a field
a class inherits without annotating it again keeps its parent's description; a description
given with ``Field(description=...)`` wins.
"""

# Annotations are not postponed: pydantic reads them as the class is built, and a postponed
# (string) annotation costs a compile and an eval for every field at each start.

import ast
import inspect
import itertools
import sys
import typing
from functools import cache

from pydantic import BaseModel

__all__ = ["document_models", "field_docs"]


def document_models(root: type[BaseModel]) -> None:
    """Give ``root`` and every model in its fields their field descriptions, then rebuild them.

    Idempotent; models whose fields already have their descriptions are left alone.
    """
    for model in _models_in(root):
        if _describe(model):
            model.model_rebuild(force=True)


def field_docs(model: type[BaseModel]) -> dict[str, str]:
    """Field name -> the docstring under it (in the class that annotates it)."""
    docs = {}
    for name in model.__pydantic_fields__:
        owner = next(c for c in model.__mro__ if name in inspect.get_annotations(c))
        doc = _attribute_docstrings(owner).get(name)
        if doc is not None:
            docs[name] = doc
    return docs


def _describe(model: type[BaseModel]) -> bool:
    """Set the missing descriptions of ``model``'s fields; whether any was set."""
    changed = False
    for name, info in model.__pydantic_fields__.items():
        if info.description is not None:
            continue
        owner = next(c for c in model.__mro__ if name in inspect.get_annotations(c))
        doc = _attribute_docstrings(owner).get(name)
        if doc is not None:
            info.description = doc
            changed = True
    return changed


def _models_in(root: type[BaseModel]) -> list[type[BaseModel]]:
    """``root`` and the models its fields hold, contained models first."""
    ordered: list[type[BaseModel]] = []
    seen: set[type[BaseModel]] = set()
    stack: list[tuple[type[BaseModel], bool]] = [(root, False)]
    while stack:
        model, done = stack.pop()
        if done:
            ordered.append(model)
            continue
        if model in seen:
            continue
        seen.add(model)
        stack.append((model, True))
        for info in reversed(model.__pydantic_fields__.values()):
            stack.extend((inner, False) for inner in _model_types(info.annotation))
    return ordered


def _model_types(annotation: object) -> list[type[BaseModel]]:
    """The model classes named anywhere in a type annotation."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _model_types(arg)]


@cache
def _attribute_docstrings(cls: type) -> dict[str, str]:
    """Field name -> docstring, from the class body's source (empty when there is none)."""
    tree = _module_tree(cls.__module__)
    body = next(
        (n.body for n in tree.body if isinstance(n, ast.ClassDef) and n.name == cls.__name__),
        [],
    )
    docs: dict[str, str] = {}
    for field, doc in itertools.pairwise(body):
        if (
            isinstance(field, ast.AnnAssign)
            and isinstance(field.target, ast.Name)
            and isinstance(doc, ast.Expr)
            and isinstance(doc.value, ast.Constant)
            and isinstance(doc.value.value, str)
        ):
            docs[field.target.id] = inspect.cleandoc(doc.value.value)
    return docs


@cache
def _module_tree(module: str) -> ast.Module:
    try:
        source = inspect.getsource(sys.modules[module])
    except (KeyError, OSError, TypeError):
        return ast.Module(body=[], type_ignores=[])
    return ast.parse(source)
