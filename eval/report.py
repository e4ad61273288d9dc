"""report.html: one self-contained page in Swedish (inline CSS and SVG) that explains a run.

Written for a reader who is not a programmer: every number has a one-line explanation,
and every question the assistant did not handle is shown with what it answered, what the
right passage was, and what it found instead. All text from questions, answers and
documents is HTML-escaped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from eval.charts import grouped_bars, histogram
from eval.gold import Case, GoldQuote
from eval.metrics import METRICS, fold, reached

# Metric name -> (label, plain explanation, shown as a percentage).
EXPLAIN: dict[str, tuple[str, str, bool]] = {
    "hit@1": (
        "Träff på första plats",
        "Andel frågor där det allra första hämtade stycket innehåller rätt ställe i dokumenten.",
        True,
    ),
    "hit@5": (
        "Träff bland fem första",
        "Andel frågor där rätt ställe finns bland de fem första hämtade styckena.",
        True,
    ),
    "mrr@10": (
        "Rätt stycke högt upp (MRR)",
        "1 betyder att rätt stycke alltid kommer först, 0,5 att det i snitt kommer tvåa, "
        "0 att det inte finns bland de tio första.",
        False,
    ),
    "ndcg@10": (
        "Ordningen bland tio första (nDCG)",
        "Hur väl de tio första styckena är ordnade: 1 när alla rätta ställen kommer allra överst.",
        False,
    ),
    "fact_recall": (
        "Fakta i svaret",
        "Andel av de uppgifter svaret borde nämna (ett datum, en nämnd, ett ställningstagande) "
        "som faktiskt står i svaret.",
        True,
    ),
    "citation_precision": (
        "Träffsäkra källhänvisningar",
        "Andel av svarens källhänvisningar som pekar på rätt ställe i dokumenten.",
        True,
    ),
    "citation_recall": (
        "Täckta källor",
        "Andel av de rätta ställena i dokumenten som svaren hänvisar till.",
        True,
    ),
    "abstention_accuracy": (
        "Rätt beslut att svara",
        "Andel av alla frågor där assistenten rätt svarade, eller rätt sa att dokumenten inte ger "
        "svaret (frågor utanför dokumenten räknas bara här).",
        True,
    ),
}
STAGE_LABELS = {
    "retrieve": "hämtning",
    "rerank": "omrangordning",
    "answer": "svar",
    "total": "totalt",
}
TAG_LABELS = {
    "fact": "fakta",
    "opinion": "ståndpunkt",
    "list": "uppräkning",
    "number_date": "tal och datum",
    "comparison": "jämförelse",
    "concept": "begrepp",
    "paraphrase": "omformulerad fråga",
    "english": "fråga på engelska",
    "no_diacritics": "utan å, ä, ö",
    "out_of_scope": "utanför dokumenten",
}
CHART_SERIES = ("hit@5", "mrr@10", "fact_recall")

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:980px;margin:2em auto;
 padding:0 1em;color:#222;line-height:1.45}
h1{font-size:1.6em}
h2{margin-top:2em;border-bottom:1px solid #ccc;padding-bottom:.2em}
table{border-collapse:collapse;margin:1em 0;width:100%}
th,td{border:1px solid #ddd;padding:.35em .6em;vertical-align:top;text-align:left}
th{background:#f3f3f3}
td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.better{color:#0a7d28;font-weight:600}
.worse{color:#c0161b;font-weight:600}
.muted{color:#666}
.case{border:1px solid #ddd;border-left:5px solid #c0161b;padding:.6em 1em;margin:1em 0;
 border-radius:4px}
.case h3{margin:.2em 0;font-size:1.05em}
.why{color:#c0161b}
blockquote{margin:.4em 0;padding:.4em .8em;background:#f7f7f7;border-left:3px solid #bbb;
 white-space:pre-wrap}
.passage{margin:.4em 0;padding:.4em .8em;border:1px solid #e3e3e3;border-radius:3px;
 white-space:pre-wrap;font-size:.92em}
.passage.relevant{border-color:#0a7d28;background:#f0faf2}
.tag{display:inline-block;background:#eef;border-radius:3px;padding:0 .4em;margin-right:.3em;
 font-size:.85em}
svg{max-width:100%;height:auto}
"""


def build_report(
    metrics: Mapping[str, Any],
    cases: Sequence[Case],
    results: Sequence[Mapping[str, Any]],
    compare: Mapping[str, Any] | None = None,
    gold: Mapping[str, Sequence[GoldQuote]] | None = None,
) -> str:
    """Build the whole report page as one HTML string."""
    by_id = {str(r.get("id")): r for r in results}
    case_rows = {str(c["id"]): c for c in metrics.get("cases", [])}
    failed = [c for c in cases if case_rows.get(c.id, {}).get("failed")]
    run = metrics.get("run", {})
    parts = [
        '<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Utvärdering av Trygghetsassistenten</title><style>{CSS}</style></head><body>",
        "<h1>Utvärdering av Trygghetsassistenten</h1>",
        _intro(metrics, run, compare),
        _summary_table(metrics, compare),
        _tag_section(metrics),
        _latency_section(metrics, results),
        _failed_section(failed, by_id, case_rows, gold or {}),
        _settings_section(run.get("settings", {})),
        "</body></html>",
    ]
    return "\n".join(parts)


def _intro(metrics: Mapping[str, Any], run: Mapping[str, Any], compare: Mapping[str, Any] | None) -> str:
    overall = metrics["overall"]
    n, n_answerable = overall["n"], overall["n_answerable"]
    text = (
        f"<p>{n} frågor ställdes till assistenten. {n_answerable} av dem går att besvara ur "
        f"dokumenten och {n - n_answerable} ligger utanför dem. {overall['n_failed']} frågor "
        '<a href="#failed">klarades inte helt</a>'
    )
    if overall.get("n_errors"):
        text += f", och {overall['n_errors']} gav ett felmeddelande"
    text += ".</p>"
    if run:
        finished = escape(_when(run.get("finished", "")))
        seconds = _sv(float(run.get("seconds", 0)), 1)
        text += f'<p class="muted">Körd {finished}, tog {seconds} sekunder.</p>'
    if compare:
        finished = escape(_when(compare.get("run", {}).get("finished", "")))
        text += (
            f"<p>Kolumnen <em>Förändring</em> jämför med en tidigare körning ({finished}): "
            '<span class="better">grönt</span> är bättre, '
            '<span class="worse">rött</span> sämre.</p>'
        )
    return text


def _summary_table(metrics: Mapping[str, Any], compare: Mapping[str, Any] | None) -> str:
    overall = metrics["overall"]
    before = (compare or {}).get("overall", {})
    head = "<th>Mått</th><th>Värde</th>"
    head += ("<th>Förändring</th>" if compare else "") + "<th>Vad det betyder</th>"
    rows = [f"<h2>Sammanfattning</h2><table><tr>{head}</tr>"]
    for name in METRICS:
        label, explanation, percent = EXPLAIN[name]
        value = overall.get(name)
        cells = f'<td>{escape(label)}<br><span class="muted">{escape(name)}</span></td>'
        cells += f'<td class="num">{_value(value, percent)}</td>'
        if compare:
            cells += _delta_cell(value, before.get(name), percent, higher_is_better=True)
        rows.append(f"<tr>{cells}<td>{escape(explanation)}</td></tr>")
    old_latency = (compare or {}).get("latency_ms", {}).get("total", {})
    for key, explanation in (
        ("p50", "Hälften av frågorna besvarades snabbare än så här."),
        ("p95", "95 av 100 frågor besvarades snabbare än så här."),
    ):
        value = metrics["latency_ms"]["total"].get(key)
        cells = f'<td>Svarstid<br><span class="muted">{key}</span></td>'
        cells += f'<td class="num">{_ms(value)}</td>'
        if compare:
            cells += _delta_cell(value, old_latency.get(key), None, higher_is_better=False)
        rows.append(f"<tr>{cells}<td>{escape(explanation)}</td></tr>")
    rows.append("</table>")
    return "".join(rows)


def _tag_section(metrics: Mapping[str, Any]) -> str:
    per_tag: Mapping[str, Mapping[str, Any]] = metrics.get("per_tag", {})
    ordered = sorted(per_tag.items(), key=lambda item: (_is_doc(item[0]), tag_label(item[0])))
    charted = [(tag_label(tag), [row.get(m) for m in CHART_SERIES]) for tag, row in ordered if row.get("n_answerable")]
    out = [
        "<h2>Per frågetyp</h2>",
        "<p>Frågorna är märkta efter typ och efter vilket dokument svaret står i. Staplarna visar "
        "för varje märkning hur ofta rätt stycke fanns bland de fem första, hur högt upp det kom "
        "(MRR) och hur stor del av de väntade uppgifterna som stod i svaret.</p>",
        grouped_bars(charted, [EXPLAIN[m][0] for m in CHART_SERIES], "Resultat per frågetyp"),
        "<table><tr><th>Frågetyp</th><th>Frågor</th><th>Träff bland fem</th><th>MRR</th>"
        "<th>Fakta i svaret</th><th>Rätt beslut att svara</th><th>Ej klarade</th></tr>",
    ]
    for tag, row in ordered:
        cells = [
            str(row["n"]),
            _value(row.get("hit@5"), True),
            _value(row.get("mrr@10"), False),
            _value(row.get("fact_recall"), True),
            _value(row.get("abstention_accuracy"), True),
            str(row.get("n_failed", 0)),
        ]
        numbers = "".join(f'<td class="num">{c}</td>' for c in cells)
        out.append(f"<tr><td>{escape(tag_label(tag))}</td>{numbers}</tr>")
    out.append("</table>")
    return "".join(out)


def _latency_section(metrics: Mapping[str, Any], results: Sequence[Mapping[str, Any]]) -> str:
    totals = [float(r["timings_ms"]["total"]) for r in results if "total" in (r.get("timings_ms") or {})]
    out = [
        "<h2>Svarstider</h2>",
        "<p>Hur lång tid varje fråga tog, från fråga till färdigt svar. Tabellen delar upp tiden på stegen.</p>",
        histogram(totals, "Svarstid per fråga"),
        "<table><tr><th>Steg</th><th>Median (p50)</th><th>p95</th><th>Medel</th></tr>",
    ]
    for stage, row in metrics.get("latency_ms", {}).items():
        cells = "".join(f'<td class="num">{_ms(row.get(k))}</td>' for k in ("p50", "p95", "mean"))
        out.append(f"<tr><td>{escape(STAGE_LABELS.get(stage, stage))}</td>{cells}</tr>")
    out.append("</table>")
    return "".join(out)


def _failed_section(
    failed: Sequence[Case],
    results: Mapping[str, Mapping[str, Any]],
    case_rows: Mapping[str, Mapping[str, Any]],
    gold: Mapping[str, Sequence[GoldQuote]],
) -> str:
    out = [
        f'<h2 id="failed">Frågor som inte klarades ({len(failed)})</h2>',
        "<p>En fråga räknas som inte klarad när rätt stycke saknas bland de fem första, när någon "
        "väntad uppgift saknas i svaret, när assistenten svarade på en fråga utanför dokumenten "
        "eller avstod från en som går att besvara, eller när frågan gav ett fel. Grönmarkerade "
        "stycken innehåller rätt ställe.</p>",
    ]
    if not failed:
        out.append("<p>Alla frågor klarades.</p>")
    for case in failed:
        row = case_rows.get(case.id, {})
        out.append(_failed_case(case, results.get(case.id, {}), row, gold.get(case.id, ())))
    return "".join(out)


def _failed_case(case: Case, result: Mapping[str, Any], row: Mapping[str, Any], gold: Sequence[GoldQuote]) -> str:
    tags = "".join(f'<span class="tag">{escape(tag_label(t))}</span>' for t in case.tags)
    why = "".join(f'<li class="why">{escape(r)}</li>' for r in reasons(case, result, row))
    answer = escape(str(result.get("answer") or "")) or "<em>(inget svar)</em>"
    parts = [
        f'<div class="case"><h3>{escape(case.id)}: {escape(case.question)}</h3>',
        f"<div>{tags}</div><ul>{why}</ul>",
        f"<p><strong>Svar:</strong></p><blockquote>{answer}</blockquote>",
    ]
    if case.expected:
        parts.append("<p><strong>Väntat ställe i dokumenten:</strong></p>")
        for expected in case.expected:
            source = "källa: " + escape(expected.source or "valfritt dokument")
            quote = escape(expected.quote)
            parts.append(f'<blockquote>{quote}</blockquote><span class="muted">{source}</span>')
    if case.must_include:
        facts = ", ".join(escape(f.replace("|", " eller ")) for f in case.must_include)
        parts.append(f"<p><strong>Väntade uppgifter:</strong> {facts}</p>")
    passages = sorted(result.get("passages") or [], key=lambda p: int(p["rank"]))[:5]
    parts.append(f"<p><strong>De fem första hämtade styckena</strong> ({len(passages)} st):</p>")
    for p in passages:
        parts.append(_passage(p, bool(gold) and bool(reached(p, gold))))
    parts.append("</div>")
    return "".join(parts)


def _passage(passage: Mapping[str, Any], relevant: bool) -> str:
    where = (
        f"{int(passage['rank'])}. {passage['source']}, tecken {int(passage['start'])}–"
        f"{int(passage['end'])}, poäng {_sv(float(passage.get('score', 0.0)), 3)}"
    )
    if relevant:
        where += " ✓ rätt ställe"
    text = str(passage.get("clean_text") or passage.get("text") or "")
    cls = "passage relevant" if relevant else "passage"
    return f'<div class="{cls}"><span class="muted">{escape(where)}</span>\n{escape(text)}</div>'


def reasons(case: Case, result: Mapping[str, Any], row: Mapping[str, Any]) -> list[str]:
    """Say in plain Swedish why a case failed."""
    if row.get("error"):
        return [f"Frågan gav ett fel: {row['error']}"]
    out: list[str] = []
    if not row.get("abstention_correct", True):
        out.append(
            "Assistenten sa att dokumenten inte ger svaret, fast de gör det."
            if case.answerable
            else "Assistenten svarade, fast frågan ligger utanför dokumenten."
        )
    if case.answerable and (row.get("metrics") or {}).get("hit@5") == 0.0:
        out.append("Rätt stycke fanns inte bland de fem första.")
    answer = fold(str(result.get("answer") or ""))
    missing = [
        fact for fact in case.must_include if not any(fold(alt) in answer for alt in fact.split("|") if alt.strip())
    ]
    if case.answerable and missing:
        out.append("Svaret saknar: " + ", ".join(m.replace("|", " eller ") for m in missing) + ".")
    return out


def _settings_section(settings: Mapping[str, Any]) -> str:
    if not settings:
        return ""
    rows = []
    for section, values in settings.items():
        items = values.items() if isinstance(values, Mapping) else [("", values)]
        for key, value in items:
            name = f"{section}.{key}" if key else section
            rows.append(f"<tr><td>{escape(name)}</td><td>{escape(str(value))}</td></tr>")
    return (
        "<h2>Inställningar</h2><details><summary>Visa inställningarna för körningen</summary>"
        "<table><tr><th>Inställning</th><th>Värde</th></tr>" + "".join(rows) + "</table></details>"
    )


def tag_label(tag: str) -> str:
    """Return a Swedish label for a question tag ('doc003' -> 'dokument 003')."""
    if _is_doc(tag):
        return f"dokument {tag[3:]}"
    return TAG_LABELS.get(tag, tag)


def _is_doc(tag: str) -> bool:
    return tag.startswith("doc") and tag[3:].isdigit()


def _when(stamp: object) -> str:
    """Turn '2025-01-31T14:05:09+00:00' into '2025-01-31 14:05 UTC'."""
    text = str(stamp or "")
    return f"{text[:10]} {text[11:16]} UTC" if len(text) >= 16 and text[10] == "T" else text


def _sv(value: float, digits: int) -> str:
    return f"{value:.{digits}f}".replace(".", ",").replace("-", "−")


def _value(value: float | None, percent: bool) -> str:
    if value is None:
        return "–"
    return f"{_sv(value * 100, 1)} %" if percent else _sv(value, 3)


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{_sv(value, 0)} ms"


def _delta_cell(value: float | None, old: float | None, percent: bool | None, higher_is_better: bool) -> str:
    """Format value - old; percent None means milliseconds, where lower is better."""
    if value is None or old is None:
        return '<td class="num muted">–</td>'
    diff = value - old
    sign = "+" if diff >= 0 else ""
    if percent is None:
        text = f"{sign}{_sv(diff, 0)} ms"
    elif percent:
        text = f"{sign}{_sv(diff * 100, 1)} procentenheter"
    else:
        text = f"{sign}{_sv(diff, 3)}"
    if abs(diff) <= (0.5 if percent is None else 1e-9):
        return f'<td class="num muted">{escape(text)}</td>'
    better = (diff > 0) == higher_is_better
    return f'<td class="num {"better" if better else "worse"}">{escape(text)}</td>'
