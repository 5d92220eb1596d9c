"""Outlines as Markdown and as Word: the same content, inert text, the same bytes every time."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from xml.etree import ElementTree

import docx
import pytest

from csea.render.docx import render_docx
from csea.render.outline import (
    Bullets,
    Heading,
    Note,
    Outline,
    Paragraph,
    Prompt,
    Run,
    Table,
    render_outline_markdown,
)

DCTERMS = "http://purl.org/dc/terms/"
HOSTILE = "<script>x</script> | # *bold* [link](javascript:alert(1)) \x1b[31m\x00"

OUTLINE = Outline(
    title="A record",
    subtitle="Of a service",
    blocks=[
        Heading("1. First"),
        Paragraph(["See ", Run("the Act", url="https://www.legislation.gov.uk/"), "."]),
        Note("Only a note."),
        Prompt("What you did."),
        Bullets(["one", [Run("two", bold=True), " and more"]]),
        Heading("Measures", 2),
        Table(["Measure", "Taken"], [[[Run("C9", bold=True), "\nHash matching"], "Yes"]], (3, 1)),
    ],
    subject="Subject",
    keywords=("csea", "test"),
)


def test_markdown_lays_out_every_block() -> None:
    assert render_outline_markdown(OUTLINE) == (
        "# A record\n\n*Of a service*\n\n## 1. First\n\n"
        "See [the Act](https://www.legislation.gov.uk/).\n\n*Only a note.*\n\n"
        "> **To complete:** What you did.\n\n- one\n- **two** and more\n\n### Measures\n\n"
        "| Measure | Taken |\n| --- | --- |\n| **C9**<br>Hash matching | Yes |\n"
    )


@pytest.mark.parametrize(
    "block",
    [Heading(HOSTILE), Paragraph(HOSTILE), Prompt(HOSTILE), Table(["h"], [[HOSTILE]])],
    ids=["heading", "paragraph", "prompt", "cell"],
)
def test_markdown_keeps_user_text_inert(block: Heading | Paragraph | Prompt | Table) -> None:
    text = render_outline_markdown(Outline("t", "s", [block]))
    assert ("<script>" in text, "[link](" in text, "| #" in text, "\x1b" in text) == (
        False,
        False,
        False,
        False,
    )


def test_markdown_links_only_web_addresses() -> None:
    text = render_outline_markdown(
        Outline("t", "s", [Paragraph(Run("click", url="javascript:alert(1)"))])
    )
    assert text.endswith("\n\nclick\n")


def open_docx(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def test_word_lays_out_every_block_with_its_style() -> None:
    document = open_docx(render_docx(OUTLINE))
    paragraphs = [(p.style.name if p.style else "", p.text) for p in document.paragraphs if p.text]
    cells = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert (paragraphs, cells) == (
        [
            ("Title", "A record"),
            ("Subtitle", "Of a service"),
            ("Heading 1", "1. First"),
            ("Normal", "See the Act."),
            ("Normal", "Only a note."),
            ("Intense Quote", "To complete: What you did."),
            ("List Bullet", "one"),
            ("List Bullet", "two and more"),
            ("Heading 2", "Measures"),
        ],
        [["Measure", "Taken"], ["C9\nHash matching", "Yes"]],
    )


def test_word_links_are_real_hyperlinks() -> None:
    document = open_docx(render_docx(OUTLINE))
    targets = [r.target_ref for r in document.part.rels.values() if r.is_external]
    assert targets == ["https://www.legislation.gov.uk/"]


def test_word_shows_control_characters_as_escapes() -> None:
    document = open_docx(render_docx(Outline("t", "s", [Paragraph(HOSTILE + "\u202e\uffff")])))
    shown = HOSTILE.replace("\x1b", "\\x1b").replace("\x00", "\\x00") + "\\u202e\ufffd"
    assert document.paragraphs[2].text == shown


def test_word_bytes_are_the_same_every_time_and_carry_no_date() -> None:
    first, second = render_docx(OUTLINE), render_docx(OUTLINE)
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        dates = {i.date_time for i in archive.infolist()}
        names = archive.namelist()
        core = archive.read("docProps/core.xml").decode()
    assert (first == second, dates, "created" in core, "docProps/thumbnail.jpeg" in names) == (
        True,
        {(1980, 1, 1, 0, 0, 0)},
        False,
        False,
    )


def test_word_carries_the_generated_at_moment_in_its_properties_and_entries() -> None:
    moment = dt.datetime(2026, 11, 20, 9, 30, tzinfo=dt.UTC)
    data = render_docx(OUTLINE, moment)
    properties = open_docx(data).core_properties
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        dates = {i.date_time for i in archive.infolist()}
        core = ElementTree.fromstring(archive.read("docProps/core.xml"))
    # Read from the file itself: python-docx before 1.2 reads these back without their zone.
    stamps = [core.findtext(f"{{{DCTERMS}}}{name}") for name in ("created", "modified")]
    assert (
        stamps,
        dates,
        properties.author,
        properties.title,
    ) == (
        ["2026-11-20T09:30:00Z", "2026-11-20T09:30:00Z"],
        {(2026, 11, 20, 9, 30, 0)},
        "csea",
        "A record",
    )
