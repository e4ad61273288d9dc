"""Whether a responder's sentence speaks of a comparison's topic, compounds and inflections counted.

Swedish builds compounds, and the stemmer cuts inflections unevenly, so a topic's terms often
meet a responder's sentence only inside a longer word: "polisen" in "Polisregion Stockholm",
"samverkan" in "samverkansöverenskommelsen", "droger" in "drogszen", "programmet" in
"Trygghetsprogrammet", "orsaksanalyser" (stem "orsaksanalys") in "orsaksanalys" (stem
"orsaksanaly"). `topic_coverage` is the share of the topic's idf mass a sentence holds when
such a match counts, the measure the sentence choice of a comparison uses beside exact terms.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from vectorstore.analyzer import term_matches


def topic_coverage(weights: Mapping[str, float], sentence_terms: Iterable[str]) -> float:
    """Share of the topic's idf mass whose terms the sentence holds, whole or inside a compound."""
    total = sum(weights.values())
    if not total:
        return 0.0
    terms = frozenset(sentence_terms)
    found = sum(w for t, w in weights.items() if t in terms or any(term_matches(t, s) for s in terms))
    return found / total


Span = tuple[int, int]


def adjacent_sentence(
    chosen: Span, spans: Sequence[Span], relevance: Mapping[Span, float], floor: float
) -> Span | None:
    """The sentence just before or after a chosen one that speaks of the topic too, the more relevant of the two.

    A responder often states its view in one sentence and the fact asked for in the next
    ('… är en öppen drogszen och förvaltningen vidtar därför åtgärder …'); `relevance` holds
    the sentences that may be chosen and speak of the topic, `floor` the least relevance kept.
    """
    if chosen not in spans:
        return None
    i = spans.index(chosen)
    around = [spans[j] for j in (i - 1, i + 1) if 0 <= j < len(spans)]
    options = [s for s in around if relevance.get(s, -1.0) >= floor]
    return max(options, key=lambda s: relevance[s]) if options else None


def added_coverage(weights: Mapping[str, float], first: Iterable[str], other: Iterable[str]) -> float:
    """Share of the topic's idf mass that a second sentence holds and the first does not."""
    held = frozenset(first)
    missing = {t: w for t, w in weights.items() if not (t in held or any(term_matches(t, s) for s in held))}
    total = sum(weights.values())
    return topic_coverage(missing, other) * sum(missing.values()) / total if total and missing else 0.0
