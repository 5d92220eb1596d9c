"""The Ofcom record and the eSafety notice skeleton as Word and Markdown: content, bytes, redaction."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest

from csea.evaluation.files import AssessedService
from csea.models import Catalog
from csea.render.esafety_notice import render_esafety_notice
from csea.render.filing import FilingFormat
from csea.render.ofcom_record import render_ofcom_record
from csea.report.esafety import build_notice_response
from csea.report.ofcom import build_ofcom_record
from tests.report.filings import assess


def ofcom(catalog: Catalog, service: AssessedService, fmt: FilingFormat, **options: Any) -> bytes:
    return render_ofcom_record(build_ofcom_record(catalog, service, **options), fmt)


def esafety(catalog: Catalog, service: AssessedService, fmt: FilingFormat, **options: Any) -> bytes:
    return render_esafety_notice(build_notice_response(catalog, service, **options), fmt)


DOCUMENTS = {"ofcom-record": ofcom, "esafety-notice": esafety}
SECRETS = [
    "Assessor Zq7",
    "Integrity Engineering",
    "Youth Safety",
    "Covers images",
    "Hash-list licence",
    "hash-licence",
    "wiki.example.invalid",
]


def text_of(data: bytes, fmt: FilingFormat) -> str:
    """Every piece of text in the file: Markdown as is; for Word, every part of the zip."""
    if fmt is FilingFormat.MD:
        return data.decode("utf-8")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "\n".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())


def headings(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    return [p.text for p in document.paragraphs if p.style and p.style.name.startswith("Heading")]


@pytest.mark.parametrize("fmt", list(FilingFormat), ids=str)
@pytest.mark.parametrize("name", list(DOCUMENTS), ids=str)
def test_same_input_same_bytes(tmp_path: Path, name: str, fmt: FilingFormat) -> None:
    first = DOCUMENTS[name](*assess(tmp_path), fmt)
    second = DOCUMENTS[name](*assess(tmp_path), fmt)
    assert first == second


@pytest.mark.parametrize("fmt", list(FilingFormat), ids=str)
@pytest.mark.parametrize("name", list(DOCUMENTS), ids=str)
def test_redaction_applies_to_every_document_and_format(
    tmp_path: Path, name: str, fmt: FilingFormat
) -> None:
    redacted = text_of(DOCUMENTS[name](*assess(tmp_path / "r"), fmt, redact=True), fmt)
    plain = text_of(DOCUMENTS[name](*assess(tmp_path / "p"), fmt), fmt)
    assert ([s for s in SECRETS if s in redacted], "Redacted for sharing" in redacted) == ([], True)
    assert "Assessor Zq7" in plain


@pytest.mark.parametrize("fmt", list(FilingFormat), ids=str)
def test_generated_at_is_printed_only_when_asked(tmp_path: Path, fmt: FilingFormat) -> None:
    catalog, service = assess(tmp_path)
    stamped = text_of(ofcom(catalog, service, fmt, generated_at="2026-11-20T09:30:00+00:00"), fmt)
    plain = text_of(ofcom(catalog, service, fmt), fmt)
    assert ("Generated at 2026-11-20T09:30:00+00:00" in stamped, "Generated at" in plain) == (
        True,
        False,
    )


def test_the_ofcom_record_follows_section_23(tmp_path: Path) -> None:
    assert headings(ofcom(*assess(tmp_path), FilingFormat.DOCX)) == [
        "1. About this record",
        "2. The service",
        "3. Risk assessments (s.23(2))",
        "3.1 Illegal content risk assessment (s.9)",
        "Step 1: understand the harms",
        "Step 2: assess the risk of harm",
        "Step 3: decide measures, implement and record",
        "Step 4: report, review and update",
        "3.2 Children's risk assessment (s.11)",
        "4. Measures in Ofcom's codes of practice (s.23(3))",
        "Illegal content Codes of Practice for user-to-user services",
        "Measures not in force yet",
        "Measures that do not apply to the service",
        "Measures csea's catalogue does not cover",
        "5. Alternative measures (s.23(4) and (5))",
        "Ofcom illegal U2U code F1: Safety defaults for child users",
        "Ofcom illegal U2U code F1.4: Confirm messages from non-connections",
        "6. Review",
    ]


def test_the_ofcom_record_table_has_each_applying_measure(tmp_path: Path) -> None:
    document = docx.Document(io.BytesIO(ofcom(*assess(tmp_path), FilingFormat.DOCX)))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Measure")
    rows = [[c.text.split("\n")[0] for c in row.cells] for row in table.rows]
    assert rows == [
        ["Measure", "Taken", "Date", "Evidence", "Answered by"],
        [
            "C9",
            "Yes",
            "in place by 2026-03-01",
            "Hash matching design (collected 2026-04-02)",
            "BLOCK-01 implemented",
        ],
        ["F1", "In part", "due 2027-02-28", "none referenced", "GROOM-01 partial (due 2027-02-28)"],
        [
            "F1.4",
            "In part",
            "due 2027-02-28",
            "none referenced",
            "GROOM-01 partial (due 2027-02-28)",
        ],
    ]


def test_the_ofcom_record_says_its_columns_are_not_ofcoms(tmp_path: Path) -> None:
    text = ofcom(*assess(tmp_path), FilingFormat.MD).decode()
    assert "so no column here is Ofcom's" in text


def test_a_service_without_children_gets_a_prompt_for_its_access_assessment(tmp_path: Path) -> None:
    text = ofcom(*assess(tmp_path, children_likely=False), FilingFormat.MD).decode()
    assert (
        "> **To complete:** The children's access assessment that reached this conclusion" in text
    )


def test_a_profile_silent_about_children_gets_a_prompt_not_a_conclusion(tmp_path: Path) -> None:
    text = ofcom(*assess(tmp_path, children_likely=None), FilingFormat.MD).decode()
    assert (
        "The profile does not say whether children are likely to use the service" in text,
        "> **To complete:** The children's access assessment, its conclusion, and when." in text,
        "children are not likely" in text,
    ) == (True, True, False)


@pytest.mark.parametrize(
    ("document", "profile", "said"),
    [
        ("ofcom", {"users": {"AU": 1000}}, "does not say whether the service is offered in the UK"),
        ("ofcom", {"users": {"AU": 1000}, "not_offered_in": "all others"}, "declares no users"),
        ("esafety", {"users": {"GB": 1000}}, "does not say whether the service is offered in Aus"),
        ("esafety", {"users": {"GB": 1000}, "not_offered_in": "all others"}, "declares no users"),
    ],
    ids=["uk-not-declared", "uk-ruled-out", "au-not-declared", "au-ruled-out"],
)
def test_where_the_service_is_offered_is_said_as_the_profile_says_it(
    tmp_path: Path, document: str, profile: dict[str, Any], said: str
) -> None:
    write = ofcom if document == "ofcom" else esafety
    assert said in write(*assess(tmp_path, **profile), FilingFormat.MD).decode()


def test_the_esafety_skeleton_has_every_section_in_order(tmp_path: Path) -> None:
    assert headings(esafety(*assess(tmp_path), FilingFormat.DOCX)) == [
        "1. About this skeleton",
        "2. The notice",
        "3. The service",
        "4. Online Safety (Basic Online Safety Expectations) Determination 2022",
        "Section 11: Minimise certain material",
        "Section 13: Mechanisms to report and complain",
        "Section 18 (title not captured) (s18)",
        "5. Online Safety (Basic Online Safety Expectations) Amendment Determination 2024",
        "Best interests of the child (best-interests)",
    ]


def test_unconfirmed_sections_say_so(tmp_path: Path) -> None:
    text = esafety(*assess(tmp_path), FilingFormat.MD).decode()
    assert text.count("*Not confirmed: csea has not read this section's number and heading") == 2


def test_each_measure_needing_an_alternative_says_what_csea_holds(tmp_path: Path) -> None:
    text = ofcom(*assess(tmp_path), FilingFormat.MD).decode()
    section = text.split("## 5. Alternative measures", 1)[1].split("## 6. Review", 1)[0]
    facts = [line for line in section.splitlines() if line.startswith("- ")]
    assert facts == [
        "- Taken: In part; due 2027-02-28.",
        "- Answered by: GROOM-01 partial (due 2027-02-28).",
        "- Taken: In part; due 2027-02-28.",
        "- Answered by: GROOM-01 partial (due 2027-02-28).",
    ]
