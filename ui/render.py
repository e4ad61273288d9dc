"""Safe rendering of untrusted text: everything from documents and users is escaped here.

Pure functions, no Streamlit. The app shows document text and questions either with
`st.text` (no parsing at all), as Markdown escaped by `escape_markdown`, or as HTML built
only by the functions below, where every piece of text passes through `html.escape` and
the only tags are the ones written here.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

# Every ASCII punctuation character may be backslash-escaped in CommonMark, so escaping all
# of them leaves no way for text to open a link, emphasis, HTML tag, LaTeX ($) or one of
# Streamlit's directives (:red[...], :material/icon:).
_MD_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")
_URL_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*:)(?=//)", re.IGNORECASE)
_WWW = re.compile(r"\b(www)(?=\.)", re.IGNORECASE)

PASSAGE_STYLE = (
    "white-space:pre-wrap;line-height:1.55;font-size:0.95rem;"
    "padding:0.5rem 0.75rem;border-left:3px solid #c9ced6;background:rgba(128,128,128,0.06);"
    "border-radius:0.25rem"
)
MARK_STYLE = "background:#ffe58a;color:inherit;padding:0 1px;border-radius:2px"

_DOCUMENT_PAGE = """<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8">
<style>
body {{ margin:0; font-family:"Source Sans Pro","Source Sans 3",system-ui,sans-serif;
  font-size:15px; line-height:1.6; color:#262730; background:#fff; }}
main {{ white-space:pre-wrap; padding:0.75rem 1rem; }}
mark {{ background:#ffe58a; color:inherit; outline:2px solid #f2b600; border-radius:2px; }}
</style></head>
<body><main>{body}</main>
<script>
(function () {{
  // Scroll this frame only (not the app around it) so the cited passage is in view.
  var done = false;
  function show() {{
    var el = document.getElementById("citerat");
    if (done || !el || window.innerHeight === 0) {{ return; }}
    var top = el.getBoundingClientRect().top + window.scrollY - window.innerHeight / 4;
    window.scrollTo(0, Math.max(0, top));
    done = true;
  }}
  window.addEventListener("load", show);
  window.addEventListener("resize", show);
  show();
}})();
</script>
</body></html>"""


def defuse_links(text: str) -> str:
    """Break web and e-mail addresses with an invisible word joiner so no renderer links them.

    Streamlit's Markdown (remark-gfm) turns addresses in the *parsed* text into links, so
    backslash escapes do not stop it: "https://x", "www.x" and "a@b.se" in a document would
    become clickable. A U+2060 between "https:" and "//", after "www" and after "@" leaves them
    as text that reads the same.
    """
    text = _URL_SCHEME.sub("\\1\u2060", text)
    text = _WWW.sub("\\1\u2060", text)
    return text.replace("@", "@\u2060")


def escape_markdown(text: str) -> str:
    """Text that Markdown shows literally: punctuation escaped, addresses not linked, line breaks kept."""
    escaped = _MD_SPECIAL.sub(r"\\\1", defuse_links(text))
    # A single newline is a soft break in Markdown; two trailing spaces make it a real one.
    return escaped.replace("\r\n", "\n").replace("\n", "  \n")


def merge_spans(spans: Iterable[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """Clamp spans to [0, length], drop empty ones, and merge overlaps; sorted."""
    clamped = sorted((max(0, a), min(length, b)) for a, b in spans if min(length, b) > max(0, a))
    merged: list[tuple[int, int]] = []
    for a, b in clamped:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def highlight_html(text: str, spans: Iterable[tuple[int, int]], mark_attrs: str = "", first_mark_id: str = "") -> str:
    """Escaped text with each span wrapped in <mark>; `mark_attrs` must be trusted markup."""
    out: list[str] = []
    pos = 0
    for i, (a, b) in enumerate(merge_spans(spans, len(text))):
        out.append(html.escape(text[pos:a]))
        ident = f' id="{html.escape(first_mark_id)}"' if first_mark_id and i == 0 else ""
        out.append(f"<mark{ident}{mark_attrs}>{html.escape(text[a:b])}</mark>")
        pos = b
    out.append(html.escape(text[pos:]))
    return "".join(out)


def passage_html(clean_text: str, highlights: Iterable[tuple[int, int]]) -> str:
    """Render a cited passage as an HTML block, its cited sentences highlighted."""
    body = highlight_html(clean_text, highlights, f' style="{MARK_STYLE}"')
    return f'<div class="trygg-passage" style="{PASSAGE_STYLE}">{body}</div>'


def document_page(text: str, start: int, end: int) -> str:
    """Render a whole document as an HTML page that scrolls to text[start:end], highlighted."""
    return _DOCUMENT_PAGE.format(body=highlight_html(text, [(start, end)], first_mark_id="citerat"))


_MARKER = re.compile(r"\[(\d{1,3})\]")


def anchor_id(key: str, n: int) -> str:
    """The HTML id of an answer's source card n (key: letters, digits and _ only)."""
    return f"trygg-{re.sub(r'[^A-Za-z0-9_]', '_', key)}-c{n}"


def answer_html(text: str, key: str, numbers: Iterable[int]) -> str:
    """An answer's text, escaped, its [n] markers links to the source cards (only the n given)."""
    known = set(numbers)
    out: list[str] = []
    pos = 0
    for match in _MARKER.finditer(text):
        n = int(match.group(1))
        if n not in known:
            continue
        out.append(html.escape(text[pos : match.start()]))
        out.append(
            f'<a class="trygg-marker" href="#{anchor_id(key, n)}" title="Visa källa {n}" '
            f'aria-label="Källa {n}">[{n}]</a>'
        )
        pos = match.end()
    out.append(html.escape(text[pos:]))
    return f'<div class="trygg-answer">{"".join(out)}</div>'


def card_html(
    key: str, n: int, title: str, details: str, clean_text: str, highlights: Iterable[tuple[int, int]]
) -> str:
    """A source card's heading (the markers' target), its details and the highlighted passage."""
    head = f'<div class="trygg-card-title" id="{anchor_id(key, n)}">[{n}] {html.escape(title)}</div>'
    meta = f'<div class="trygg-card-meta">{html.escape(details)}</div>' if details else ""
    return head + meta + passage_html(clean_text, highlights)


def copy_button_html(text: str, label: str = "Kopiera svaret") -> str:
    """A button that copies text (the page script does the copying)."""
    return (
        f'<button type="button" class="trygg-copy" data-text="{html.escape(text, quote=True)}">'
        f"{html.escape(label)}</button>"
    )


TABLE_STYLE = (
    "width:100%;border-collapse:collapse;font-size:0.9rem;table-layout:auto;overflow-wrap:anywhere;line-height:1.4"
)
CELL_STYLE = "text-align:left;vertical-align:top;padding:0.35rem 0.5rem;border-bottom:1px solid rgba(49,51,63,0.12)"


def table_html(headers: list[str], rows: Iterable[Iterable[object]], css_class: str = "trygg-table") -> str:
    """A plain table of escaped cells that wraps its text to fit the page's width."""
    th_style = f"{CELL_STYLE};font-weight:600;white-space:nowrap"
    head = "".join(f'<th style="{th_style}">{html.escape(h)}</th>' for h in headers)
    body = "".join(
        "<tr>" + "".join(f'<td style="{CELL_STYLE}">{html.escape(str(c))}</td>' for c in row) + "</tr>" for row in rows
    )
    return (
        f'<table class="{css_class}" style="{TABLE_STYLE}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    )
