"""Any [Outline][csea.render.outline.Outline] as a Word document (``.docx``), byte for byte repeatable.

Written with python-docx on its default template, on A4. Word files carry dates in two
places: the document properties (created, modified) and the date of every entry of the
zip file. csea writes none of the first and the zip format's earliest date in the second,
unless ``generated_at`` is given: then both carry that moment. The template's thumbnail
picture is left out, and every text goes through [xml][csea.render.escape.xml] (control
characters shown escaped), so whatever a user wrote, the file opens.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence

import docx
from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table as DocxTable
from docx.table import _Cell, _Row
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run as DocxRun

from csea.fileio import ZIP_EPOCH, repeatable_zip
from csea.render.escape import xml
from csea.render.outline import (
    PROMPT_LABEL,
    Block,
    Bullets,
    Heading,
    Note,
    Outline,
    Paragraph,
    Prompt,
    Run,
    Table,
    Text,
    runs,
)

__all__ = ["render_docx"]

_TABLE_FONT = Pt(8.5)
_FONT = "Arial"
"""Arial: Word has it, and LibreOffice draws it with the metric-compatible Liberation Sans."""
_LINK_COLOUR = RGBColor(0x05, 0x63, 0xC1)
_TEXT_WIDTH_MM = 170


def render_docx(outline: Outline, generated_at: dt.datetime | None = None) -> bytes:
    """The outline as the bytes of a ``.docx`` file.

    Args:
        outline: The document.
        generated_at: The moment to record in the file (its properties and zip entries);
            none by default, so the same outline gives the same bytes.
    """
    document = docx.Document()
    _page(document)
    _properties(document, outline, generated_at)
    document.add_paragraph(_xml(outline.title), style="Title")
    document.add_paragraph(_xml(outline.subtitle), style="Subtitle")
    for block in outline.blocks:
        _block(document, block)
    buffer = io.BytesIO()
    document.save(buffer)
    stamp = ZIP_EPOCH if generated_at is None else generated_at.timetuple()[:6]
    return repeatable_zip(buffer.getvalue(), stamp)


def _xml(text: str) -> str:
    return xml(text)


def _page(document: Document) -> None:
    normal = document.styles["Normal"]
    normal.font.name = _FONT
    normal.font.size = Pt(10)
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(20)
        section.top_margin = section.bottom_margin = Mm(20)


def _properties(document: Document, outline: Outline, moment: dt.datetime | None) -> None:
    properties = document.core_properties
    properties.title = _xml(outline.title)
    properties.subject = _xml(outline.subject)
    properties.keywords = _xml(", ".join(outline.keywords))
    properties.author = "csea"
    properties.comments = "Written by csea from a self-assessment."
    properties.last_modified_by = ""
    properties.revision = 1
    package = document.part.package
    for key, relationship in list(package.rels.items()):
        if relationship.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            del package.rels[key]
    if moment is not None:
        properties.created = properties.modified = moment.replace(tzinfo=None)
        return
    element = properties._element  # python-docx has no API to remove a date
    for name in ("dcterms:created", "dcterms:modified"):
        for child in element.findall(qn(name)):
            element.remove(child)


def _block(document: Document, block: Block) -> None:
    match block:
        case Heading(text=text, level=level):
            document.add_heading(_xml(text), level=level)
        case Paragraph(text=text):
            _runs(document.add_paragraph(), text)
        case Note(text=text):
            _runs(document.add_paragraph(), text, italic=True)
        case Prompt(text=text):
            paragraph = document.add_paragraph(style="Intense Quote")
            _runs(paragraph, [Run(PROMPT_LABEL, bold=True), " ", text])
        case Bullets(items=items):
            for item in items:
                _runs(document.add_paragraph(style="List Bullet"), item)
        case Table():
            _table(document, block)


def _runs(
    paragraph: DocxParagraph, text: Text, *, italic: bool = False, size: Pt | None = None
) -> None:
    for run in runs(text):
        if run.url and re.match(r"https?://", run.url):
            added = _hyperlink(paragraph, run)
        else:
            added = paragraph.add_run(_xml(run.text))
        added.bold = run.bold or None
        added.italic = italic or None
        if size is not None:
            added.font.size = size


def _hyperlink(paragraph: DocxParagraph, run: Run) -> DocxRun:
    """A clickable link (python-docx has no API for one: the run is built as Word writes it)."""
    assert run.url is not None
    key = paragraph.part.relate_to(_xml(run.url), RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), key)
    inner = paragraph.add_run(_xml(run.text))
    inner.font.underline = True
    inner.font.color.rgb = _LINK_COLOUR
    link.append(inner._r)  # the run moves inside the link element
    paragraph._p.append(link)
    return inner


def _table(document: Document, block: Table) -> None:
    header = any(block.headers)
    table = document.add_table(rows=1 if header else 0, cols=len(block.headers), style="Table Grid")
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    if header:
        for cell, heading in zip(table.rows[0].cells, block.headers, strict=True):
            _cell(cell, [Run(heading, bold=True)])
        _repeat_header(table)
    for row in block.rows:
        added = table.add_row()
        _keep_together(added)
        for cell, text in zip(added.cells, row, strict=True):
            _cell(cell, text)
    _widths(table, block.widths or [1] * len(block.headers))
    document.add_paragraph()


def _cell(cell: _Cell, text: Text) -> None:
    """A cell's text: one paragraph per line, in the table's small font."""
    for index, line in enumerate(_lines(runs(text))):
        current = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        _runs(current, line, size=_TABLE_FONT)


def _lines(pieces: Sequence[Run]) -> list[list[Run]]:
    lines: list[list[Run]] = [[]]
    for run in pieces:
        for index, part in enumerate(run.text.split("\n")):
            if index:
                lines.append([])
            if part:
                lines[-1].append(Run(part, run.bold, run.url))
    return lines


def _keep_together(row: _Row) -> None:
    """A row is not split across pages (no API for it)."""
    properties = row._tr.get_or_add_trPr()
    keep = OxmlElement("w:cantSplit")
    keep.set(qn("w:val"), "true")
    properties.append(keep)


def _repeat_header(table: DocxTable) -> None:
    properties = table.rows[0]._tr.get_or_add_trPr()  # no API for a header row
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _widths(table: DocxTable, weights: Sequence[float]) -> None:
    """Column widths in proportion to ``weights``, in the grid (LibreOffice) and every cell (Word)."""
    total = sum(weights)
    widths = [Mm(_TEXT_WIDTH_MM * weight / total) for weight in weights]
    for column, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        column.w = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
