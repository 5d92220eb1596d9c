"""The eSafety reporting-notice response skeleton: the Basic Online Safety Expectations, section by section.

Australia's eSafety Commissioner can require a provider, by a periodic (Online Safety Act
2021, s.49) or non-periodic (s.56) reporting notice, to report how far it complied with the
Basic Online Safety Expectations, "in the manner and form specified in the notice"
(s.49(2)(b)). The notice's own questions are not in the catalogue, so the skeleton is laid
out by the Determination's sections, in order, each with the applicable obligations that
answer it, their status and evidence, and room for the notice's questions.

The Determination's Part 2 Divisions and the headings of ss.1-17 were read in the
instrument as made (F2022L00062); they are in
[DETERMINATION_DIVISIONS][csea.report.esafety.DETERMINATION_DIVISIONS]. Any other section
(s.18 onward, the 2024 amendments, whose section numbers the catalogue does not give) is
marked as not confirmed. Which sources are the Determination is read from the catalogue
([is_bose][csea.report.esafety.is_bose]).
"""

from __future__ import annotations

import re
from typing import Literal

from csea.catalog.facts import Known, ProfileFacts
from csea.evaluation.files import AssessedService
from csea.models import Catalog
from csea.models.base import CseaModel
from csea.models.source import Source
from csea.report.build import ReportOptions, build_report
from csea.report.provisions import Filing, ProvisionRecord, provision_records

__all__ = [
    "DETERMINATION_AS_MADE",
    "DETERMINATION_DIVISIONS",
    "NoticePart",
    "NoticeResponse",
    "NoticeSection",
    "build_notice_response",
    "is_bose",
]

DETERMINATION_AS_MADE = "au.bose2022"
"""The Determination as made in 2022, whose Part 2 structure is confirmed below."""

DETERMINATION_DIVISIONS: dict[int, str] = {
    **dict.fromkeys(range(6, 11), "Part 2, Division 2: Expectations regarding safe use"),
    **dict.fromkeys(
        range(11, 13), "Part 2, Division 3: Expectations regarding certain material and activity"
    ),
    **dict.fromkeys(
        range(13, 17), "Part 2, Division 4: Expectations regarding reports and complaints"
    ),
    17: "Part 2, Division 5: Expectations regarding making certain information accessible",
}
"""Section number -> its Part and Division in the Determination as made (F2022L00062), for the
sections whose headings were read there (ss.6-17; ss.1-5 are preliminary)."""

_SECTION = re.compile(r"^s([0-9]+)$")


class NoticeSection(CseaModel):
    """One section of the Determination and the answers behind it."""

    provision: ProvisionRecord
    """The section, with the applicable obligations answering it."""
    division: str | None = None
    """Its Part and Division, where confirmed."""
    confirmed: bool
    """Whether csea has confirmed the section's number and heading in the instrument."""


class NoticePart(CseaModel):
    """One Determination source (as made, or an amendment) and its sections in order."""

    source: str
    """Source id."""
    title: str
    """The instrument's title."""
    url: str | None = None
    """A public copy."""
    binds: bool
    """Whether any of its sections binds the service."""
    sections: list[NoticeSection]
    """Every section the catalogue lists, in the instrument's order."""


class NoticeResponse(Filing):
    """A skeleton response to an eSafety reporting notice for one service."""

    record_format: Literal["csea-esafety-notice/1"] = "csea-esafety-notice/1"
    """The version of this layout."""
    au_users: Known
    """Whether the service is offered in Australia; None when the profile does not say."""
    parts: list[NoticePart]
    """Every Determination source in the catalogue, in catalogue order."""


def is_bose(source: Source) -> bool:
    """Whether a source is the Basic Online Safety Expectations Determination or an amendment to it."""
    return "AU" in source.jurisdictions and "Basic Online Safety Expectations" in source.title


def build_notice_response(
    catalog: Catalog,
    service: AssessedService,
    *,
    redact: bool = False,
    generated_at: str | None = None,
) -> NoticeResponse:
    """The eSafety notice response skeleton for one assessed service.

    Args:
        catalog: The catalogue the service was evaluated against.
        service: The assessed service (its evaluation keeps the applicability verdicts).
        redact: Remove what ``csea report --redact`` removes.
        generated_at: A timestamp to print.
    """
    document = build_report(catalog, [service], ReportOptions(redact=redact))
    report = document.reports[0]
    binding = {s.id for s in report.sources}
    parts = [
        NoticePart(
            source=source.id,
            title=source.title,
            url=source.url,
            binds=source.id in binding,
            sections=[
                _section(source, record)
                for record in provision_records(
                    catalog, report, service.evaluation.verdicts, source.id
                )
            ],
        )
        for source in catalog.sources
        if is_bose(source)
    ]
    return NoticeResponse(
        generated_at=generated_at,
        redacted=redact,
        catalog=document.catalog,
        summary=report.summary,
        au_users=ProfileFacts(service.evaluation.profile).offered_in("AU"),
        parts=parts,
    )


def _section(source: Source, record: ProvisionRecord) -> NoticeSection:
    number = _SECTION.match(record.id)
    division = (
        DETERMINATION_DIVISIONS.get(int(number.group(1)))
        if number and source.id == DETERMINATION_AS_MADE
        else None
    )
    return NoticeSection(provision=record, division=division, confirmed=division is not None)
