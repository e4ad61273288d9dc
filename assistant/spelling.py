"""Spelling: what a misspelt question, or one typed without å/ä/ö, meant to write.

A word is matched to the documents' own spelling first (their folded form restores å/ä/ö),
then to the words of the letterhead fields, then to Swedish's most common words (wordfreq);
English words to the glossary's. Matches are one edit away (two for a long word, a swap of
two letters counting as one) and keep the first letter typed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA
from wordfreq import top_n_list, zipf_frequency

from assistant.field_questions import FIELD_WORDS
from assistant.glossary import GLOSSARY
from assistant.responder_names import ENGLISH_NAME_WORDS, is_short_name
from vectorstore.analyzer import FOLDED_STOPWORDS, STOPWORDS, fold, same_term, term, words
from vectorstore.lexical import LexicalIndex, undefined

_COMMON_WORDS = 30_000  # how many of Swedish's most frequent words a misspelling may be matched to
_SMALL_WORD_ZIPF = 5.0  # 'for' (4.9) is 'för' typed without ö; 'sa' (5.6, 'said') and 'man' are words as typed
_ENGLISH_WORD_ZIPF = 3.5  # an English word this common, which the documents lack, is left as typed
# What users type for a word the documents spell out ('diarienr' is no misspelt 'diaries').
_SHORTHAND = {
    "sthlm": "stockholm",
    "sthlms": "stockholms",
    "diarienr": "diarienummer",
    "ärendenr": "ärendenummer",
    "arendenr": "ärendenummer",
    "telnr": "telefonnummer",
}
_KNOWN_WORD_ZIPF = 2.5  # a word at least this common in Swedish is not a misspelling, even if the corpus lacks it


def closest(key: str, spellings: dict[str, str], folded: Sequence[str]) -> tuple[str, int] | None:
    """The closest spelling one edit from `key` (two for a long word), with its distance, if any.

    It must start as typed: a typo seldom hits the first letter, and a word that starts otherwise
    is another word ('svarsdag' is not 'årsdag').
    """
    limit = 1 if len(key) < 8 else 2
    matches = process.extract(key, folded, scorer=OSA.distance, score_cutoff=limit, limit=20)
    best = min((m for m in matches if m[0][:1] == key[:1] and m[0] in spellings), key=lambda m: m[1], default=None)
    return (spellings[best[0]], int(best[1])) if best else None


@lru_cache(maxsize=1)
def _field_words() -> tuple[dict[str, str], list[str]]:
    """The field questions' own words (assistant/field_questions.py), folded -> spelling."""
    spellings = {fold(w): w for w in FIELD_WORDS}
    return spellings, sorted(spellings)


@lru_cache(maxsize=1)
def _english_words() -> tuple[dict[str, str], list[str]]:
    """The English words the glossary and the committees' English names use, folded -> spelling."""
    found = {w for pattern in GLOSSARY for w in re.findall(r"[a-z]{4,}", pattern)}
    found |= ENGLISH_NAME_WORDS | {"committee", "response", "programme", "according", "district", "council"}
    return {w: w for w in found}, sorted(found)


def correct_english(text: str) -> dict[str, str]:
    """Misspelt English words -> the glossary's word one or two edits away ('socail' -> 'social').

    A word common in English (wordfreq) is left as typed, and so is every word shorter than five letters.
    """
    out: dict[str, str] = {}
    typed = (re.sub(r"['’]s$", "", w) for w in words(text))  # "the committee's": the word without its 's
    for word in dict.fromkeys(w for w in typed if w.isalpha() and len(w) >= 5):
        if zipf_frequency(word, "en") >= _KNOWN_WORD_ZIPF:
            continue
        if (found := closest(word, *_english_words())) and found[0] != word:
            out[word] = found[0]
    return out


@lru_cache(maxsize=1)
def swedish_words() -> tuple[dict[str, str], list[str]]:
    """Common Swedish words (wordfreq), folded -> spelling: what a misspelt word the documents lack may be."""
    spellings: dict[str, str] = {}
    for word in top_n_list("sv", _COMMON_WORDS):
        if word.isalpha() and len(word) >= 4:
            spellings.setdefault(fold(word), word)
    return spellings, sorted(spellings)


_LONG_COMPOUND = 10  # a compound at least this long one edit from a document word is a misspelling of it
_RARE_SHORT_ZIPF = 2.0  # a four-letter word rarer than this is taken for a misspelling ('kraf': 1.6)
_REAL_WORD_ZIPF = 2.0  # a word this common is a word: mended by one edit, or to another form of it, not by two
_INFLECTION_ZIPF = 1.0  # a Swedish word this common whose stem the documents use is one of its forms


def _inflects_known(word: str, frequency: float, index: LexicalIndex) -> bool:
    """Whether a word (of this zipf frequency) is another form of a word the documents use ('nämnderna')."""
    return frequency >= _INFLECTION_ZIPF and (term(word) in index.vocab or term(undefined(word)) in index.vocab)


def correct_words(text: str, index: LexicalIndex) -> dict[str, str]:
    """Words as typed -> the spelling the documents use.

    A word typed without å/ä/ö gets them back ("tjansteutlatande" -> "tjänsteutlåtande"), and
    a word the documents never use is matched to the closest of their words, the letterhead
    fields' and common Swedish ones, one or two edits away, a swap of two letters counting as one
    edit ("beahndlade" -> "behandlade"). Common Swedish words are left as typed ("saker" is a
    word, not only a damaged "säker").
    """
    out: dict[str, str] = {}
    names = {w.lower() for w in re.findall(r"\b[A-ZÅÄÖ]\w+", text)}
    if _years_typed_ar(text):
        out["ar"] = "år"  # 'i ar', 'per ar': a year, not the documents' far commoner 'är'
    for word in dict.fromkeys(w for w in words(text) if w.isalpha() and w not in out):
        if written := _SHORTHAND.get(word):
            out[word] = written
            continue
        key = fold(word)
        # A small word typed without å/ä/ö ('nar', 'pa', 'for'), unless it is a common word as typed ('man', 'sa'):
        # the documents' spelling of it folds to the word as typed.
        short = index.spellings.get(key, word)
        small = len(word) < 4 or key in FOLDED_STOPWORDS
        if key == word and short != word and small and zipf_frequency(word, "sv") < _SMALL_WORD_ZIPF:
            out[word] = short
            continue
        if len(word) < 4 or word in STOPWORDS or key in FOLDED_STOPWORDS or is_short_name(word):
            continue  # short, a small word, or a responder's short name ('socs svar')
        written = index.spellings.get(key)
        frequency = zipf_frequency(word, "sv")
        if written == word or frequency >= _KNOWN_WORD_ZIPF:
            continue  # as the documents write it, or a real Swedish word the documents happen not to use
        if written is None and frequency < _KNOWN_WORD_ZIPF and zipf_frequency(word, "en") >= _ENGLISH_WORD_ZIPF:
            continue  # an English word in a Swedish text (a comparison's topic: 'protects', not 'procents')
        if written is None and (common := swedish_words()[0].get(key)) and common != word:
            written = common  # a common word typed without å/ä/ö ('underhallet' -> 'underhållet')
        if written is None:
            # A four-letter word that is hardly a word ('kraf') is mended too, by one edit.
            too_short = len(word) == 4 and (word in names or frequency >= _RARE_SHORT_ZIPF)
            # A compound one letter from a word the documents use is that word ('platsamverkan'), though its
            # parts are known ('plat' + 'samverkan').
            compound = len(index.query_terms(word)) > 1
            long_compound = compound and len(key) >= _LONG_COMPOUND
            near = closest(key, index.spellings, index.folded_words) if long_compound else None
            if near and near[1] == 1 and not _inflected(word, near[0]):
                out[word] = near[0]
                continue
            if too_short or compound or _inflects_known(word, max(frequency, _active_frequency(word)), index):
                continue  # short, known once split into a compound's parts, or an inflection ('nämnderna')
            # The closest of the documents' words, the letterhead fields' and common Swedish ones,
            # the documents' first when as close ('gadkande' is 'godkände', not the documents' 'gällande').
            options = [closest(key, index.spellings, index.folded_words), closest(key, *_field_words())]
            if word not in names:  # a name is one the documents use, or unknown
                options.append(closest(key, *swedish_words()))
            found = [o for o in options if o]
            # An inflected misspelling may be more than two edits from every inflection the documents use, but
            # its base one from their word ('remisvaren' -> 'remissvaren', 'begrepsramen' -> 'begreppsramen'), or
            # its stem close to theirs.
            if not found and (mended := _mended_before_ending(word, index)):
                found = [(mended, 1)]
            if (
                not found
                and len(stem := term(word)) >= 6
                and (near := closest(stem, index.term_spellings, index.sorted_vocab))
            ):
                found = [near]
            if not found and (derived := _derived_from(term(word), index)):
                found = [(derived, 0)]
            best = min(found, key=lambda o: o[1]) if found else None
            real = max(frequency, _base_frequency(word))
            if best and best[1] >= 2 and real >= _REAL_WORD_ZIPF and not same_term(term(word), term(best[0])):
                best = None  # 'huvudspår' is a word, not a misspelt 'huvudsak'; 'policyer' not 'polacker'
            written = best[0] if best else None
        if written and key == fold(written) + "s":
            written += "s"  # a genitive keeps its s: 'skarpnacks stadsdelsnamnd' names Skarpnäcks stadsdelsnämnd
        if written and written != word and not _inflected(word, written):
            out[word] = written
    return out


# 'ar' typed for 'år' after these words ('i ar', 'varje ar', 'tre ar'); elsewhere it is 'är'.
_BEFORE_YEAR = r"i|per|varje|nasta|samma|ett|tva|tre|fyra|fem|flera"


def _years_typed_ar(text: str) -> bool:
    """Whether every 'ar' of the text follows a word that makes it 'år'."""
    before = re.findall(r"(\w+)\s+ar\b", text.lower())
    return (
        bool(before)
        and len(before) == len(re.findall(r"\bar\b", text.lower()))
        and all(re.fullmatch(_BEFORE_YEAR, fold(w)) for w in before)
    )


# Endings of a definite or plural form, which wordfreq often lacks for a long word ('uppräkningarna').
_FORM_ENDINGS = ("arna", "erna", "orna", "na", "en", "et", "ar", "er", "or")
_BASE_AT_LEAST = 6  # letters left: a short base is another word
_PASSIVE_ENDINGS = ("ades", "des", "tes", "as")


def _active_frequency(word: str) -> float:
    """How common a passive verb's active form is, which wordfreq has more often ('attesterades' -> 'attesterade')."""
    return zipf_frequency(word[:-1], "sv") if word.endswith(_PASSIVE_ENDINGS) else 0.0


def _mended_before_ending(word: str, index: LexicalIndex) -> str:
    """The documents' word one edit from the typed one's base, with the typed ending ('' if none).

    'remisvaren' is two edits from every word the documents and the field words hold, but its base 'remisvar' is one
    from 'remissvar'.
    """
    for ending in _FORM_ENDINGS:
        base = word.removesuffix(ending)
        if base == word or len(base) < _BASE_AT_LEAST:
            continue
        for spellings, folded in ((index.spellings, index.folded_words), _field_words()):
            near = closest(fold(base), spellings, folded)
            # the slip inside the base, not at its end ('polisenh' is not 'polisen' and an h)
            if near and near[1] == 1 and fold(near[0])[-2:] == fold(base)[-2:]:
                return near[0] + ending
    return ""


def _base_frequency(word: str) -> float:
    """How common the word's base form is in Swedish ('uppräkningarna' -> 'uppräkning': 2.4); 0 where none."""
    bases = (word.removesuffix(e) for e in _FORM_ENDINGS if word.endswith(e))
    return max((zipf_frequency(b, "sv") for b in bases if len(b) >= _BASE_AT_LEAST), default=0.0)


# Endings that make a noun of a verb ('kvalitetssäkring' of 'kvalitetssäkras'), as the stemmer leaves them.
_DERIVATIONS = ("ing", "ning", "ningar", "ingar", "ande", "are")
_DERIVED_AT_LEAST = 9  # letters of the verb's stem: a short one is another word ('sak' + 'ning')


def _derived_from(stem: str, index: LexicalIndex) -> str:
    """The documents' word whose stem the typed one only adds a derivational ending to ('' if none)."""
    for ending in _DERIVATIONS:
        base = stem.removesuffix(ending)
        if base != stem and len(base) >= _DERIVED_AT_LEAST and base in index.term_spellings:
            return index.term_spellings[base]
    return ""


# Endings that make another form of a long word: 'programförslaget' is 'programförslagets' without its s.
_ENDINGS = ("s", "n", "en", "et", "na", "ens", "ets", "nas")
_INFLECTED_AT_LEAST = 8  # letters: a short word one letter short is a typo ('kraf', 'remis')


def _inflected(typed: str, written: str) -> bool:
    """Whether the two are one word with and without an ending ('programförslaget', '…förslagets').

    Then the word as typed is another form of the documents' word ('utbildningsdirektören' of
    '…direktör'), not a misspelling of it.
    """
    short, long = sorted((typed, written), key=len)
    ending = long[len(short) :]
    if ending == "s" and short.endswith("s"):
        return False  # a genitive never doubles an s: 'postadres' is a misspelt 'postadress'
    return len(short) >= _INFLECTED_AT_LEAST and long.startswith(short) and ending in _ENDINGS
