"""Cross-file checks on a catalogue: each a small function that yields problems.

They run after every file has been read and validated on its own, and all of them
run, so one `csea catalog validate` reports every problem at once. To add a check,
write a function ``(CatalogFiles) -> Iterator[Problem]`` and register it in ``CHECKS``
with the codes it may emit (``@CHECKS.rule(ProblemCode.X)``), declaring any new code in
[csea.codes][]. Checks run in the order they are registered.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path

from csea.catalog.files import CatalogFiles, Loaded
from csea.catalog.thresholds import note_conflicts
from csea.codes import ProblemCode, RuleSet
from csea.errors import Problem
from csea.models import ChangeKind, Obligation, Source, SourceStatus, Verification
from csea.yamlio.reader import YamlDocument

__all__ = ["CHECKS"]

CHECKS: RuleSet[CatalogFiles, Problem] = RuleSet()
"""Every cross-file check, in the order they run."""


def _at(
    doc: YamlDocument,
    path: Sequence[str | int],
    code: ProblemCode,
    message: str,
    object_id: str | None = None,
) -> Problem:
    line, column = doc.locate(path)
    return Problem(
        code=code,
        message=message,
        file=doc.file,
        line=line,
        column=column,
        object_id=object_id,
        field=doc.field_path(path) or None,
        severity=code.severity,
    )


@CHECKS.rule(ProblemCode.DUPLICATE_ID)
def unique_obligation_ids(files: CatalogFiles) -> Iterator[Problem]:
    """No two obligation files declare the same id."""
    first: dict[str, Loaded[Obligation]] = {}
    for loaded in files.obligations:
        ob = loaded.model
        if ob.id in first:
            other = first[ob.id].doc
            line = other.locate(["id"])[0]
            yield _at(
                loaded.doc,
                ["id"],
                ProblemCode.DUPLICATE_ID,
                f"id already used in {other.file}:{line}",
                ob.id,
            )
        else:
            first[ob.id] = loaded


@CHECKS.rule(ProblemCode.FILE_NAME)
def file_named_for_id(files: CatalogFiles) -> Iterator[Problem]:
    """Each obligation file is named ``<id>.yaml`` so ids are easy to find."""
    for loaded in files.obligations:
        stem = Path(loaded.doc.file).stem
        if stem != loaded.model.id:
            yield _at(
                loaded.doc,
                ["id"],
                ProblemCode.FILE_NAME,
                f"file is named '{stem}' but holds {loaded.model.id}; name it {loaded.model.id}.yaml",
                loaded.model.id,
            )


@CHECKS.rule(ProblemCode.UNKNOWN_PILLAR, ProblemCode.WRONG_FOLDER, ProblemCode.WRONG_PREFIX)
def pillar_matches(files: CatalogFiles) -> Iterator[Problem]:
    """An obligation's pillar exists, matches its folder, and its id has the pillar's prefix."""
    if files.header is None:
        return
    pillars = {p.id: p for p in files.header.model.pillars}
    for loaded in files.obligations:
        ob = loaded.model
        pillar = pillars.get(ob.pillar)
        if pillar is None:
            yield _at(
                loaded.doc,
                ["pillar"],
                ProblemCode.UNKNOWN_PILLAR,
                f"unknown pillar '{ob.pillar}'; expected one of: {', '.join(pillars)}",
                ob.id,
            )
            continue
        if loaded.folder != ob.pillar:
            yield _at(
                loaded.doc,
                ["pillar"],
                ProblemCode.WRONG_FOLDER,
                f"pillar is '{ob.pillar}' but the file is in folder '{loaded.folder}/'",
                ob.id,
            )
        if ob.id.split("-")[0] != pillar.prefix:
            yield _at(
                loaded.doc,
                ["id"],
                ProblemCode.WRONG_PREFIX,
                f"obligations in pillar '{pillar.id}' have ids starting '{pillar.prefix}-'",
                ob.id,
            )


@CHECKS.rule(ProblemCode.DUPLICATE_ID, ProblemCode.DUPLICATE_PREFIX, ProblemCode.EMPTY_PILLAR)
def pillars_well_formed(files: CatalogFiles) -> Iterator[Problem]:
    """Pillar ids and prefixes are unique, and every pillar has obligations."""
    if files.header is None:
        return
    doc, pillars = files.header.doc, files.header.model.pillars
    ids = Counter(p.id for p in pillars)
    prefixes = Counter(p.prefix for p in pillars)
    used = {o.model.pillar for o in files.obligations} | files.folders_with_files
    for index, pillar in enumerate(pillars):
        if ids[pillar.id] > 1:
            yield _at(
                doc,
                ["pillars", index, "id"],
                ProblemCode.DUPLICATE_ID,
                "pillar id used twice",
                pillar.id,
            )
        if prefixes[pillar.prefix] > 1:
            yield _at(
                doc,
                ["pillars", index, "prefix"],
                ProblemCode.DUPLICATE_PREFIX,
                "prefix used twice",
                pillar.id,
            )
        if pillar.id not in used:
            yield _at(
                doc,
                ["pillars", index],
                ProblemCode.EMPTY_PILLAR,
                f"no obligations in this pillar; add at least one under {pillar.id}/",
                pillar.id,
            )


@CHECKS.rule(ProblemCode.DUPLICATE_ID, ProblemCode.UNKNOWN_PROVISION)
def sources_well_formed(files: CatalogFiles) -> Iterator[Problem]:
    """Source ids are unique; provision ids are unique within a source; ``part_of`` exists."""
    seen: set[str] = set()
    for loaded in files.sources:
        source, doc = loaded.model, loaded.doc
        index = loaded.index
        if source.id in seen:
            yield _at(
                doc,
                ["sources", index, "id"],
                ProblemCode.DUPLICATE_ID,
                "source id used twice",
                source.id,
            )
        seen.add(source.id)
        counts = Counter(p.id for p in source.provisions)
        for pindex, provision in enumerate(source.provisions):
            where: list[str | int] = ["sources", index, "provisions", pindex]
            if counts[provision.id] > 1:
                counts[provision.id] = 0
                message = f"provision '{provision.id}' listed twice"
                yield _at(doc, [*where, "id"], ProblemCode.DUPLICATE_ID, message, source.id)
            if provision.part_of is not None and provision.part_of not in counts:
                message = f"part_of '{provision.part_of}' is not a provision of {source.id}"
                yield _at(
                    doc, [*where, "part_of"], ProblemCode.UNKNOWN_PROVISION, message, source.id
                )


@CHECKS.rule(
    ProblemCode.UNKNOWN_SOURCE, ProblemCode.UNKNOWN_PROVISION, ProblemCode.DUPLICATE_CITATION
)
def citations_resolve(files: CatalogFiles) -> Iterator[Problem]:
    """Every citation (and indicator target) names an existing source and provision."""
    sources = {s.model.id: s.model for s in files.sources}
    for loaded in files.obligations:
        ob = loaded.model
        pairs: list[tuple[list[str | int], str, str]] = [
            (["citations", i], c.source, c.provision) for i, c in enumerate(ob.citations)
        ]
        pairs += [
            (["indicators", i, "target"], ind.target.source, ind.target.provision)
            for i, ind in enumerate(ob.indicators)
            if ind.target is not None
        ]
        for path, source_id, provision_id in pairs:
            if source_id in files.invalid_ids:
                continue
            yield from _resolve(loaded.doc, path, ob.id, sources, source_id, provision_id)
        keys = Counter((c.source, c.provision) for c in ob.citations)
        for i, citation in enumerate(ob.citations):
            if keys[(citation.source, citation.provision)] > 1:
                keys[(citation.source, citation.provision)] = 0
                yield _at(
                    loaded.doc,
                    ["citations", i],
                    ProblemCode.DUPLICATE_CITATION,
                    f"{citation.source} {citation.provision} is cited more than once",
                    ob.id,
                )


def _resolve(
    doc: YamlDocument,
    path: list[str | int],
    object_id: str,
    sources: dict[str, Source],
    source_id: str,
    provision_id: str,
) -> Iterator[Problem]:
    source = sources.get(source_id)
    if source is None:
        yield _at(
            doc,
            [*path, "source"],
            ProblemCode.UNKNOWN_SOURCE,
            f"unknown source '{source_id}'; it must be listed in sources.yaml",
            object_id,
        )
    elif source.provision(provision_id) is None:
        listed = ", ".join(p.id for p in source.provisions[:12])
        more = ", ..." if len(source.provisions) > 12 else ""
        yield _at(
            doc,
            [*path, "provision"],
            ProblemCode.UNKNOWN_PROVISION,
            f"'{provision_id}' is not a provision of {source_id}; listed: {listed}{more}",
            object_id,
        )


@CHECKS.rule(ProblemCode.THRESHOLD_CONTRADICTS_NOTE)
def thresholds_as_noted(files: CatalogFiles) -> Iterator[Problem]:
    """A user threshold has the number and comparison its citation's note quotes."""
    for loaded in files.obligations:
        for path, message in note_conflicts(loaded.model):
            code = ProblemCode.THRESHOLD_CONTRADICTS_NOTE
            yield _at(loaded.doc, path, code, message, loaded.model.id)


@CHECKS.rule(ProblemCode.SELF_REFERENCE, ProblemCode.UNKNOWN_OBLIGATION)
def related_resolve(files: CatalogFiles) -> Iterator[Problem]:
    """Every related id names another existing obligation."""
    ids = {o.model.id for o in files.obligations}
    for loaded in files.obligations:
        ob = loaded.model
        for i, other in enumerate(ob.related):
            if other == ob.id:
                yield _at(
                    loaded.doc,
                    ["related", i],
                    ProblemCode.SELF_REFERENCE,
                    "an obligation is not related to itself",
                    ob.id,
                )
            elif other not in ids and other not in files.invalid_ids:
                yield _at(
                    loaded.doc,
                    ["related", i],
                    ProblemCode.UNKNOWN_OBLIGATION,
                    f"related id {other} does not exist",
                    ob.id,
                )


@CHECKS.rule(ProblemCode.DUPLICATE_ID)
def parts_unique(files: CatalogFiles) -> Iterator[Problem]:
    """Measure, question, evidence and indicator ids are unique within an obligation."""
    for loaded in files.obligations:
        ob = loaded.model
        parts: dict[str, Sequence[object]] = {
            "measures": ob.measures,
            "questions": ob.questions,
            "evidence": ob.evidence,
            "indicators": ob.indicators,
        }
        for name, items in parts.items():
            seen: set[str] = set()
            for i, item in enumerate(items):
                item_id = str(getattr(item, "id", ""))
                if item_id in seen:
                    yield _at(
                        loaded.doc,
                        [name, i, "id"],
                        ProblemCode.DUPLICATE_ID,
                        f"{name} id '{item_id}' used twice",
                        ob.id,
                    )
                seen.add(item_id)


@CHECKS.rule(ProblemCode.REUSED_ID, ProblemCode.UNKNOWN_OBLIGATION, ProblemCode.MISSING_FIELD)
def change_log_consistent(files: CatalogFiles) -> Iterator[Problem]:
    """The change log agrees with the catalogue, judging each id by its latest entry.

    An id whose latest entry retires, splits or merges it must not be in the catalogue
    (retired ids are never reused); an id whose latest entry adds or changes it must be;
    every ``into`` id must exist unless a later entry removed it. Earlier entries are
    history: "added in 2027.01, retired in 2027.06" is fine.
    """
    if files.header is None:
        return
    doc, changes = files.header.doc, files.header.model.changes
    ids = {o.model.id for o in files.obligations}
    gone = {ChangeKind.RETIRED, ChangeKind.SPLIT, ChangeKind.MERGED}
    latest: dict[str, int] = {}
    for index, change in enumerate(changes):
        for changed_id in change.ids:
            latest[changed_id] = index
    for index, change in enumerate(changes):
        for j, old in enumerate(change.ids):
            if latest[old] != index:
                continue
            path: list[str | int] = ["changes", index, "ids", j]
            if change.kind in gone and old in ids:
                yield _at(
                    doc,
                    path,
                    ProblemCode.REUSED_ID,
                    f"{old} was {change.kind}; its id must not be reused",
                    old,
                )
            if change.kind not in gone and old not in ids:
                yield _at(
                    doc, path, ProblemCode.UNKNOWN_OBLIGATION, f"{old} is not in the catalogue", old
                )
        for j, new in enumerate(change.into):
            removed_later = latest.get(new, -1) > index and changes[latest[new]].kind in gone
            if new not in ids and not removed_later:
                message = f"{new} is not in the catalogue"
                yield _at(
                    doc, ["changes", index, "into", j], ProblemCode.UNKNOWN_OBLIGATION, message, new
                )
        if change.kind in (ChangeKind.SPLIT, ChangeKind.MERGED) and not change.into:
            yield _at(
                doc,
                ["changes", index],
                ProblemCode.MISSING_FIELD,
                f"a {change.kind} change must say 'into'",
            )


@CHECKS.rule(
    ProblemCode.UNKNOWN_SOURCE, ProblemCode.UNKNOWN_PROVISION, ProblemCode.CITED_BUT_LISTED_UNCITED
)
def uncited_consistent(files: CatalogFiles) -> Iterator[Problem]:
    """Each provision listed as uncited exists and is in fact not cited."""
    if files.uncited is None:
        return
    sources = {s.model.id: s.model for s in files.sources}
    cited: dict[tuple[str, str], list[str]] = defaultdict(list)
    for loaded in files.obligations:
        for citation in loaded.model.citations:
            cited[(citation.source, citation.provision)].append(loaded.model.id)
    doc = files.uncited.doc
    for i, entry in enumerate(files.uncited.model.uncited):
        yield from _resolve(
            doc, ["uncited", i], entry.source, sources, entry.source, entry.provision
        )
        citing = cited.get((entry.source, entry.provision))
        if citing:
            yield _at(
                doc,
                ["uncited", i],
                ProblemCode.CITED_BUT_LISTED_UNCITED,
                f"{entry.source} {entry.provision} is cited by {', '.join(citing)}; remove it from uncited.yaml",
                entry.source,
            )


_LOCATOR = re.compile(r"\b(?:read|checked)\s+(?:in|at|against|on)\b", re.IGNORECASE)
"""How a note says where a provision's text was read ("Read in legislation.gov.uk, s.66")."""

_NOT_YET = (SourceStatus.PROPOSED, SourceStatus.ADOPTED_NOT_IN_FORCE)


_CERTAINTY = {level: rank for rank, level in enumerate(Verification)}
"""0 for verified, 1 for secondary, 2 for unverified (the declaration order)."""


def _certainty(level: Verification) -> int:
    """0 for verified, 1 for secondary, 2 for unverified (the declaration order)."""
    return _CERTAINTY[level]


@CHECKS.rule(ProblemCode.VERIFIED_WITHOUT_LOCATOR, ProblemCode.VERIFICATION_INCONSISTENT)
def verification_honest(files: CatalogFiles) -> Iterator[Problem]:
    """A verified citation says where its provision was read; a provision has one level.

    A citation marked ``verified`` must carry, in its note, where the provision's own text
    was read ("Read in <document>, <locator>."). The same (source, provision) must not be
    verified in one obligation and secondary or unverified in another, and no citation may be
    more certain than its provision's own entry in ``sources.yaml``.
    """
    sources = {s.model.id: s.model for s in files.sources}
    cited: dict[tuple[str, str], list[tuple[Loaded[Obligation], int]]] = defaultdict(list)
    for loaded in files.obligations:
        for i, citation in enumerate(loaded.model.citations):
            cited[(citation.source, citation.provision)].append((loaded, i))
    for (source_id, provision_id), uses in cited.items():
        levels = {loaded.model.citations[i].verification for loaded, i in uses}
        best = min(levels, key=_certainty)
        source = sources.get(source_id)
        provision = source.provision(provision_id) if source is not None else None
        for loaded, i in uses:
            citation = loaded.model.citations[i]
            where: list[str | int] = ["citations", i, "verification"]
            if citation.verification is Verification.VERIFIED and not _LOCATOR.search(
                citation.note or ""
            ):
                yield _at(
                    loaded.doc,
                    where,
                    ProblemCode.VERIFIED_WITHOUT_LOCATOR,
                    f"{source_id} {provision_id} is marked verified but its note does not say "
                    "where the provision's own text was read; add 'Read in <document>, "
                    "<locator>.' or lower it to secondary",
                    loaded.model.id,
                )
            if citation.verification is not best:
                others = sorted(
                    {
                        other.model.id
                        for other, j in uses
                        if other.model.citations[j].verification is best
                    }
                )
                yield _at(
                    loaded.doc,
                    where,
                    ProblemCode.VERIFICATION_INCONSISTENT,
                    f"{source_id} {provision_id} is {citation.verification} here but {best} in "
                    f"{', '.join(others)}; one provision has one level across the catalogue",
                    loaded.model.id,
                )
            if provision is not None and _certainty(citation.verification) < _certainty(
                provision.verification
            ):
                yield _at(
                    loaded.doc,
                    where,
                    ProblemCode.VERIFICATION_INCONSISTENT,
                    f"{source_id} {provision_id} is {citation.verification} here but only "
                    f"{provision.verification} in sources.yaml; a citation is never more certain "
                    "than its provision",
                    loaded.model.id,
                )


@CHECKS.rule(ProblemCode.STATUS_CONTRADICTS_TIMELINE)
def status_matches_dates(files: CatalogFiles) -> Iterator[Problem]:
    """On the catalogue's release date, each recorded status agrees with its own dates.

    A source's ``status`` must be what its timeline gives on the date in ``catalog.yaml``
    (a commencement or lapse dated after the release date cannot be the status yet); a
    provision marked proposed or not in force must not carry an ``in_force`` date already
    past, one marked in force must not carry a future one, and a source recorded as not yet
    in force must not have a provision whose own commencement has passed.
    """
    if files.header is None:
        return
    day = files.header.model.date
    for loaded in files.sources:
        source, doc = loaded.model, loaded.doc
        base: list[str | int] = ["sources", loaded.index]
        dated = source.status_on(day)
        if source.timeline and dated != source.status:
            yield _at(
                doc,
                [*base, "status"],
                ProblemCode.STATUS_CONTRADICTS_TIMELINE,
                f"{source.id} is recorded as {source.status} but its timeline gives "
                f"{dated or 'no status yet'} on {day}, the catalogue's release date",
                source.id,
            )
        for pindex, provision in enumerate(source.provisions):
            start = provision.in_force
            if start is None:
                continue
            where = [*base, "provisions", pindex, "in_force"]
            own = provision.status
            if own in _NOT_YET and start <= day:
                message = (
                    f"{source.id} {provision.id} is recorded as {own} but its in_force date "
                    f"{start} is on or before {day}, the catalogue's release date"
                )
            elif own is SourceStatus.IN_FORCE and start > day:
                message = (
                    f"{source.id} {provision.id} is recorded as in_force but its in_force date "
                    f"{start} is after {day}, the catalogue's release date"
                )
            elif own is None and source.status in _NOT_YET and start <= day:
                message = (
                    f"{source.id} is recorded as {source.status} but its provision {provision.id} "
                    f"came into force on {start}, before {day}, the catalogue's release date"
                )
            else:
                continue
            yield _at(doc, where, ProblemCode.STATUS_CONTRADICTS_TIMELINE, message, source.id)
