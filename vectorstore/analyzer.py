"""The Swedish analyzer shared by the lexical index and every lexical signal of the second stage.

Words are lower-cased, stop words dropped, stemmed with Snowball's Swedish stemmer, then
folded (å/ä→a, ö→o, é→e) so that a question typed without diacritics, or an OCR-damaged
document, meets the same terms. Stemming runs before folding because the Swedish stemmer's
suffix rules are written with å/ä/ö. A suspended compound ('jämställdhets-, barn- och
äldreperspektiven') gives each of its words whole as well (jämställdhetsperspektiven …), so a
question's 'barnperspektivet' meets it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container, Iterable
from functools import lru_cache

import snowballstemmer
from wordfreq import zipf_frequency

# Snowball's Swedish stop list, plus folded spellings that OCR damage and ASCII typing produce,
# and 'respektive', which frames a question ('Vad säger respektive nämnd …') and names nothing.
STOPWORDS = frozenset(
    """
    och det att i en jag hon som han på den med var sig för så till är men ett om hade de av
    icke mig du henne då sin nu har inte hans honom skulle hennes där min man ej vid kunde
    något från ut när efter upp vi dem vara vad över än dig kan sina här ha mot alla under
    någon eller allt mycket sedan ju denna själv detta åt utan varit hur ingen mitt ni bli
    blev oss din dessa några deras blir mina samma vilken er sådan vår blivit dess inom
    mellan sådant varför varje vilka ditt vem vilket sitta sådana vart dina vars vårt våra
    ert era vilkas ska skall också även samt the of and what which who is are how does do
    många handlar respektive
    """.split()
)  # and the frames of a question: "hur många", "vad handlar … om" ask, they name nothing to match

_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*", re.UNICODE)
_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "è": "e", "ü": "u", "æ": "a", "ø": "o"})
_stemmer = snowballstemmer.stemmer("swedish")


def fold(text: str) -> str:
    """Lower-case and strip Swedish diacritics: 'Förvaltningen' -> 'forvaltningen'."""
    text = unicodedata.normalize("NFC", text.lower()).translate(_FOLD)
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


FOLDED_STOPWORDS = frozenset(fold(w) for w in STOPWORDS)


# A suspended compound: first parts ending in '-', then 'och'/'eller'/'samt' and the whole last word.
# (One part before 'och' may have lost its '-' to OCR: 'funktionshinder-, hbtg och äldreperspektiv'.)
_SUSPENDED = re.compile(r"((?:[^\W\d_]+-,?\s+)+)(?:[^\W\d_]+\s+)?(?:och|eller|samt)\s+([^\W\d_]+)")
_FIRST_PART = re.compile(r"([^\W\d_]+)-")
HEAD_ZIPF = 2.0  # an ending Swedish uses at least this often (wordfreq's Zipf scale) is a compound's head
SHORTEST_HEAD = 5  # 'skola' in 'gymnasieskola'; shorter endings are too often words by chance


def words(text: str) -> list[str]:
    """The word tokens of a text, lower-cased, hyphenated compounds split into parts too.

    The words a suspended compound leaves implicit follow ('trygghets- och säkerhetsarbetet' gives
    trygghetsarbetet).
    """
    lowered = text.lower()
    out: list[str] = []
    for match in _WORD.finditer(lowered):
        word = match.group(0)
        out.append(word)
        if "-" in word:
            out.extend(p for p in word.split("-") if p)
    if "- " in lowered or "-," in lowered:
        for match in _SUSPENDED.finditer(lowered):
            if head := compound_head(match.group(2)):
                out.extend(first + head for first in _FIRST_PART.findall(match.group(1)))
    return out


@lru_cache(maxsize=10_000)
def compound_head(word: str) -> str:
    """A compound's last part: its longest ending that Swedish uses as a word ('äldreperspektiven' -> perspektiven)."""
    for i in range(3, len(word) - SHORTEST_HEAD + 1):
        if zipf_frequency(word[i:], "sv") >= HEAD_ZIPF:
            return word[i:]
    return ""


@lru_cache(maxsize=200_000)
def term(word: str) -> str:
    """The index term of one lower-cased word."""
    return fold(_stemmer.stemWord(word))


@lru_cache(maxsize=200_000)
def _index_term(word: str) -> str:
    """The term of a word, or '' for a stop word (cached: the same words recur all the time)."""
    return "" if word in STOPWORDS or fold(word) in FOLDED_STOPWORDS else term(word)


def analyze(text: str) -> list[str]:
    """Index terms of a text, in order, stop words removed."""
    return analyze_words(words(text))


def analyze_words(tokens: Iterable[str]) -> list[str]:
    """Index terms of word tokens (from `words`), in order, stop words removed."""
    return [t for w in tokens if (t := _index_term(w))]


@lru_cache(maxsize=50_000)
def term_set(text: str) -> frozenset[str]:
    """The distinct terms of a text; cached, since candidate passages recur across questions."""
    return frozenset(analyze(text))


# How a term meets a compound or another stemming of itself (assistant/compare_terms.py, LexicalIndex.related).
MIN_PART = 4  # a topic term shorter than this ('lag') only counts whole
MIN_HEAD = 5  # a compound's last part must be this long to count ('program' in 'trygghetsprogram')
HEAD_ENDINGS = ("", "n", "en", "et", "na", "er", "ar")  # what may follow a compound's head ('-teorin', '-insatserna')
STEM_SLACK = 2  # letters by which two stems of one word may differ ('orsaksanalys' / 'orsaksanaly')


def same_term(one: str, other: str) -> bool:
    """Whether two terms are one word, perhaps stemmed two ways ('fokusomrad' / 'fokusomraden')."""
    short, long = sorted((one, other), key=len)
    return one == other or (
        len(short) >= MIN_PART + 1 and long.startswith(short) and len(long) - len(short) <= STEM_SLACK
    )


def compound_parts(word_term: str, known: Container[str]) -> tuple[str, str] | None:
    """A compound's two parts where the documents know both ('jamstalldhetsanalys' -> jamstalld, analys), or None.

    The first part is known as the documents' stem of it ('jämställdhets-' -> jamstalld); each part is at least
    MIN_HEAD letters.
    """
    for cut in range(MIN_HEAD, len(word_term) - MIN_HEAD + 1):
        first, head = word_term[:cut], word_term[cut:]
        if head not in known:
            continue
        bare = first.removesuffix("s")
        for part in sorted({first, bare, term(first), term(bare)}, key=len):  # the shortest: 'jamstalld' names it
            if len(part) >= MIN_HEAD and part in known:
                return part, head
    return None


def term_matches(topic_term: str, word_term: str) -> bool:
    """Whether a sentence's term speaks of a topic term: the same, an inflection, or a compound holding it."""
    if same_term(topic_term, word_term):
        return True
    if len(topic_term) >= MIN_PART and word_term.startswith(topic_term):
        return True  # the topic term as a compound's first part: 'polis' in 'polisregion'
    # As its head: 'trygghetsprogram'; also with the definite or plural ending the stemmer leaves on a
    # compound ('teori' in 'rutinaktivitetsteorin').
    return len(topic_term) >= MIN_HEAD and any(word_term.endswith(topic_term + ending) for ending in HEAD_ENDINGS)
