"""A remissammanställning as a Word document (a heading and a table per topic), CSV or Excel.

Each function returns the file's bytes (the app offers them for download; the CLI writes them).
Every row or reference names the document and section the sentence was taken from, and its
character span in the file.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date

from assistant.compare import View
from assistant.compilation import Compilation

NOT_ADDRESSED_CELL = "Tar inte upp ämnet"
COLUMNS = (
    "Ämne",
    "Remissinstans",
    "Tar upp ämnet",
    "Ståndpunkt",
    "Markör",
    "Mening",
    "Dokument",
    "Avsnitt",
    "Start",
    "Slut",
)


def position_text(view: View) -> str:
    """'kritisk (saknar)', 'neutral', or that the responder does not take the topic up."""
    if not view.addressed:
        return NOT_ADDRESSED_CELL
    return f"{view.position.label} ({view.position.cue})" if view.position.cue else view.position.label


def rows(compilation: Compilation) -> Iterator[tuple[str, ...]]:
    """One row per cited sentence, or one per responder that does not take the topic up."""
    for item in compilation.topics:
        for view in item.views:
            if not view.statements:
                yield (item.topic, view.responder, "nej", "", "", "", view.source, "", "", "")
                continue
            for s in view.statements:
                yield (
                    item.topic,
                    view.responder,
                    "ja",
                    view.position.label,
                    view.position.cue,
                    s.ref.clean_text,
                    s.ref.source,
                    s.ref.section,
                    str(s.ref.start),
                    str(s.ref.end),
                )


def to_csv(compilation: Compilation) -> bytes:
    """CSV (UTF-8 with a byte-order mark, so Excel reads å, ä, ö), a header row first."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerows(rows(compilation))
    return out.getvalue().encode("utf-8-sig")


def to_xlsx(compilation: Compilation) -> bytes:
    """An Excel workbook with one sheet of the same rows as the CSV."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Remissammanställning"
    sheet.append(list(COLUMNS))
    for row in rows(compilation):
        sheet.append([int(v) if i >= 8 and v else v for i, v in enumerate(row)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def to_docx(compilation: Compilation, title: str = "Remissammanställning") -> bytes:
    """A Word document: a heading and a table (responder, position, what it says) per topic, then its references."""
    from docx import Document

    document = Document()
    document.add_heading(title, level=0)
    scope = []
    if compilation.filters.responders:
        scope.append("Remissinstanser: " + ", ".join(compilation.filters.responders))
    if compilation.filters.periods:
        scope.append("Programperiod: " + ", ".join(compilation.filters.periods))
    document.add_paragraph(f"Sammanställd {date.today().isoformat()}. " + ". ".join(scope))
    for item in compilation.topics:
        document.add_heading(item.topic, level=1)
        table = document.add_table(rows=1, cols=3)
        table.style = "Table Grid"
        for cell, label in zip(table.rows[0].cells, ("Remissinstans", "Ståndpunkt", "Vad som sägs"), strict=True):
            cell.text = label
        references: list[str] = []
        for view in item.views:
            cells = table.add_row().cells
            cells[0].text = view.responder
            cells[1].text = position_text(view)
            parts = []
            for s in view.statements:
                references.append(
                    f"[{len(references) + 1}] {view.responder}: {s.chunk.meta.title or s.ref.source}, "
                    f"avsnitt {s.ref.section or '–'} ({s.ref.source}, tecken {s.ref.start}–{s.ref.end})"
                )
                parts.append(f"{s.ref.clean_text} [{len(references)}]")
            cells[2].text = " ".join(parts) or "–"
        if references:
            document.add_paragraph("Källor", style="Heading 3")
            for reference in references:
                document.add_paragraph(reference)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
