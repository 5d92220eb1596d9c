"""The packages import one way only, and no module imports itself back through others.

Every import of every module under ``src/csea`` counts: at the top, inside a function,
under ``TYPE_CHECKING``, and a module named in a string (``import_module("csea.x")``,
``PackageLoader("csea.render")``). Only ``csea/__init__.py``, the lazy public face, may
import from every layer. There are no exceptions: a new module goes in a layer, and an
import that breaks the rule is a design question, not a line to add here.

Print the numbers (modules per package, cycles, upward imports) with
``.venv/bin/python -m tests.test_layers``.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"

LAYERS: list[tuple[str, tuple[str, ...]]] = [
    (
        "base",
        (
            "csea.__about__",
            "csea.errors",
            "csea.clock",
            "csea.fileio",
            "csea.codes",
            "csea.safetext",
        ),
    ),
    ("models", ("csea.models",)),
    ("yamlio", ("csea.yamlio",)),
    ("catalog", ("csea.catalog",)),
    ("assessment", ("csea.assessment",)),
    ("evaluation", ("csea.evaluation",)),
    ("report", ("csea.report",)),
    ("schemas", ("csea.schemas",)),
    ("render", ("csea.render",)),
    ("workbook", ("csea.workbook",)),
    ("export", ("csea.export",)),
    ("cli", ("csea.cli", "csea.__main__")),
    ("site", ("csea.site",)),
]
"""Layers from the bottom up; a module may import from its own layer and the ones below."""

EXEMPT = {"csea"}
"""``csea/__init__.py``: the public face, which names (lazily) what every layer offers."""

_MODULE_NAME = re.compile(r"^(csea(?:\.[A-Za-z_]\w*)*)(?::\w+)?$")

Graph = dict[str, set[str]]


def modules(src: Path = SRC) -> dict[str, Path]:
    """Every module under ``src/csea`` by dotted name (a package by its own name)."""
    found: dict[str, Path] = {}
    for path in sorted((src / "csea").rglob("*.py")):
        parts = list(path.relative_to(src).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _resolve(name: str, known: dict[str, Path]) -> str | None:
    """The module a dotted name refers to (``csea.models.Status`` is ``csea.models``)."""
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name or None


def _docstrings(tree: ast.AST) -> set[int]:
    """The string constants that are docstrings (of modules, classes, functions, attributes)."""
    found: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        for statement in body if isinstance(body, list) else []:
            if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
                found.add(id(statement.value))
    return found


def _named(node: ast.AST, package: str, docstrings: set[int]) -> Iterator[str]:
    """The dotted names one node imports (or names as a module in a string)."""
    if isinstance(node, ast.Import):
        yield from (alias.name for alias in node.names)
    elif isinstance(node, ast.ImportFrom):
        base = node.module or ""
        if node.level:
            parent = package.split(".")[: len(package.split(".")) - node.level + 1]
            base = ".".join([*parent, base] if base else parent)
        yield base
        yield from (f"{base}.{alias.name}" for alias in node.names)
    elif isinstance(node, ast.Constant) and isinstance(node.value, str):
        match = _MODULE_NAME.match(node.value)
        if match and id(node) not in docstrings:
            yield match.group(1)


def imports(module: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The csea modules one module imports, anywhere in it."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    docstrings = _docstrings(tree)
    found = set()
    for node in ast.walk(tree):
        for name in _named(node, package, docstrings):
            target = _resolve(name, known) if name.startswith("csea") else None
            if target is not None and target != module:
                found.add(target)
    return found


def graph(src: Path = SRC) -> Graph:
    """Module -> the csea modules it imports."""
    known = modules(src)
    return {name: imports(name, path, known) for name, path in known.items()}


def layer_of(module: str) -> str | None:
    """The layer a module belongs to (by its longest matching package), or None."""
    best: tuple[int, str] | None = None
    for layer, prefixes in LAYERS:
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and (
                best is None or len(prefix) > best[0]
            ):
                best = (len(prefix), layer)
    return best[1] if best else None


def _rank(layer: str | None) -> int:
    return [name for name, _ in LAYERS].index(layer) if layer else -1


def upward(g: Graph) -> list[tuple[str, str]]:
    """Every import of a module from a higher layer than its own."""
    return sorted(
        (module, target)
        for module, targets in g.items()
        if module not in EXEMPT
        for target in targets
        if _rank(layer_of(target)) > _rank(layer_of(module))
    )


def cycles(g: Graph) -> list[list[str]]:
    """Groups of modules that import each other, directly or through others (Tarjan)."""
    g = {module: targets for module, targets in g.items() if module not in EXEMPT}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for target in sorted(g.get(module, ())):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(g):
        if module not in index:
            visit(module)
    return found


def package_of(module: str, path: Path) -> str:
    """``csea/`` for a top-level module, else its package (``models/``, ``render/``)."""
    parts = module.split(".")
    return "csea/" if len(parts) == 2 and path.name != "__init__.py" else f"{parts[1]}/"


def summary(g: Graph) -> str:
    """Modules per package, import cycles and upward imports, as text for a note."""
    paths = modules()
    per_package = Counter(package_of(m, paths[m]) for m in g if m not in EXEMPT)
    lines = ["modules per package:"]
    lines += [f"  {package:12} {count}" for package, count in sorted(per_package.items())]
    lines.append(f"  {'total':12} {sum(per_package.values())} (+ csea/__init__.py)")
    lines.append(f"import edges: {sum(len(t) for m, t in g.items() if m not in EXEMPT)}")
    lines.append(f"import cycles: {len(cycles(g))} {cycles(g)}")
    lines.append(f"upward imports: {len(upward(g))} {upward(g)}")
    return "\n".join(lines)


def test_every_module_is_in_a_layer() -> None:
    assert [m for m in graph() if m not in EXEMPT and layer_of(m) is None] == []


def test_no_upward_import() -> None:
    assert upward(graph()) == []


def test_no_import_cycle() -> None:
    assert cycles(graph()) == []


def test_the_analysis_sees_every_kind_of_import() -> None:
    g = graph()
    assert {
        "function level": "csea.report.document" in g["csea.schemas"],
        "type checking": "csea.report.document" in g["csea.render.report"],
        "string": "csea.render" in g["csea.render.html"],
    } == {"function level": True, "type checking": True, "string": True}


if __name__ == "__main__":
    print(summary(graph()))
