"""One page per pillar: every obligation in full, as a T&S lead reads it.

Each obligation shows its statement, why it exists, when it applies (in plain
words), the measures that meet it, the questions an assessor asks, the evidence that
proves it, its indicators, and every citation with its verification level.
"""

from __future__ import annotations

from csea.models import Catalog, Citation, Obligation, Pillar
from csea.site.markdown import (
    anchor,
    link,
    table,
    text,
    verification_badge,
    words,
)
from csea.site.paths import obligation_href, pillar_path, provision_href, source_href

__all__ = ["pillar_page"]


def pillar_page(catalog: Catalog, pillar: Pillar) -> str:
    """The Markdown of one pillar's page: the demand, then each of its obligations."""
    here = pillar_path(pillar.id)
    obligations = [o for o in catalog.obligations if o.pillar == pillar.id]
    contents = [
        f"- {link(f'{o.id} {o.title}', obligation_href(here, o.pillar, o.id))}" for o in obligations
    ]
    parts = [
        f"# {text(pillar.title)}\n",
        f"**The demand:** {text(pillar.demand)}\n",
        f"{text(pillar.description)}\n",
        f"{len(obligations)} obligation(s) in catalogue {text(catalog.version)}, "
        f"id prefix `{pillar.prefix}`.\n",
        "\n".join(contents) + "\n",
    ]
    parts += [obligation_section(catalog, o, here) for o in obligations]
    return "\n".join(parts)


def obligation_section(catalog: Catalog, ob: Obligation, here: str) -> str:
    """One obligation in full, as a level-2 section whose anchor is its lowercased id."""
    parts = [
        f"## {ob.id} {text(ob.title)} {{#{anchor(ob.id)}}}\n",
        f"**Statement.** {text(ob.statement)}\n",
        f"**Why.** {text(ob.rationale)}\n",
        _applies(ob),
        _citations(catalog, ob, here),
        _measures(ob),
        _numbered("What an assessor asks", [q.text for q in ob.questions]),
        _bullets("Evidence that shows it", [e.description for e in ob.evidence]),
        _indicators(catalog, ob, here),
        _related(catalog, ob, here),
    ]
    return "\n".join(part for part in parts if part)


def _applies(ob: Obligation) -> str:
    when = ob.applies_when.describe() if ob.applies_when else "every service"
    lines = [f"**Applies when:** {text(when)}.\n"]
    if ob.applicability_note:
        lines.append(f"*Scope:* {text(ob.applicability_note)}\n")
    return "\n".join(lines)


def _citations(catalog: Catalog, ob: Obligation, here: str) -> str:
    lines = ["**Citations** (the provisions it answers to):\n"]
    lines += [f"- {_citation(catalog, c, here)}" for c in ob.citations]
    return "\n".join(lines) + "\n"


def _citation(catalog: Catalog, c: Citation, here: str) -> str:
    source = catalog.source(c.source)
    assert source is not None, "the loader guarantees every citation resolves"
    provision = source.provision(c.provision)
    title = f" ({text(provision.title)})" if provision else ""
    line = (
        f"{verification_badge(c.verification)}: "
        f"{link(source.title, source_href(here, source.id))}, "
        f"{link(c.provision, provision_href(here, source.id, c.provision))}{title}; "
        f"{words(c.relationship)}; {words(source.force)}"
    )
    if c.applies_when is not None:
        line += f"; applies only when {text(c.applies_when.describe())}"
    if c.quote:
        line += f'; "{text(c.quote)}"'
    if c.note:
        line += f". *{text(c.note)}*"
    return line


def _measures(ob: Obligation) -> str:
    items = []
    for measure in ob.measures:
        item = f"**{text(measure.name)}**: {text(measure.description)}"
        if measure.examples:
            item += " Examples: " + ", ".join(text(e) for e in measure.examples) + "."
        items.append(item)
    return _bullets("Measures that meet it", items, escape=False)


def _bullets(label: str, items: list[str], *, escape: bool = True) -> str:
    if not items:
        return ""
    body = "\n".join(f"- {text(i) if escape else i}" for i in items)
    return f"**{label}:**\n\n{body}\n"


def _numbered(label: str, items: list[str]) -> str:
    if not items:
        return ""
    body = "\n".join(f"{n}. {text(i)}" for n, i in enumerate(items, start=1))
    return f"**{label}:**\n\n{body}\n"


def _indicators(catalog: Catalog, ob: Obligation, here: str) -> str:
    if not ob.indicators:
        return ""
    rows = []
    for ind in ob.indicators:
        target = "none set by a source"
        if ind.target is not None:
            source = catalog.source(ind.target.source)
            name = source.short_title if source else ind.target.source
            where = link(
                f"{name} {ind.target.provision}",
                provision_href(here, ind.target.source, ind.target.provision),
            )
            target = f"{ind.target.value:g} ({where})"
        direction = words(ind.direction)
        rows.append([text(ind.name), text(ind.unit), direction, target])
    return "**Indicators:**\n\n" + table(["Indicator", "Unit", "Better when", "Target"], rows)


def _related(catalog: Catalog, ob: Obligation, here: str) -> str:
    if not ob.related:
        return ""
    links = []
    for related_id in ob.related:
        other = catalog.obligation(related_id)
        pillar = other.pillar if other else ob.pillar
        links.append(link(related_id, obligation_href(here, pillar, related_id)))
    return "**Related:** " + ", ".join(links) + "\n"
