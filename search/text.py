"""Turning text into search terms: folding, tokenising, lemmatising per language.

Index and query go through the same functions, so a term found in a query is
spelled exactly as in the index. Every word is kept in up to three spellings,
all folded to lower-case ASCII: the word itself, its lemma, and the lemma of
its folded form. That is what lets `współpracy`, `wspolpracy` and `współpraca`
meet on `wspolpraca`, and `spoluprace` meet the surface form of `spolupráce`,
whichever side of the match has the diacritics.

The lemmatiser is lemmagen3 (see docs/search.md for the measurement against
simplemma): as accurate on our Polish and Czech sample, rule-based so it also
lemmatises unaccented and unseen words, and its models load in milliseconds
instead of seconds per worker.
"""

import functools
import re
import unicodedata

import lemmagen3

#: Letters NFKD does not decompose into an ASCII base letter.
SPECIAL_LETTERS = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ß": "ss",
        "þ": "th",
        "Þ": "TH",
        "ħ": "h",
        "Ħ": "H",
        "ŧ": "t",
        "Ŧ": "T",
        "ı": "i",
        "ĸ": "k",
        "ŋ": "n",
        "Ŋ": "N",
    }
)
TOKEN = re.compile(r"[a-z0-9]+")
WORD = re.compile(r"[^\W_]+")
#: What a query must contain to be searchable: an ASCII letter or digit, or a Latin-1/Latin Extended-A
#: letter (all of which fold to ASCII). The OpenAPI schema states the same pattern.
SEARCHABLE = "[0-9A-Za-zÀ-ÖØ-öø-ſ]"
#: Words too common to require in a query (they are still indexed). Polish, Czech, a little English.
STOP_WORDS = frozenset(
    [
        "a",
        "aby",
        "ale",
        "an",
        "and",
        "ani",
        "are",
        "as",
        "at",
        "by",
        "co",
        "czy",
        "dla",
        "do",
        "i",
        "in",
        "is",
        "iz",
        "je",
        "jak",
        "jako",
        "k",
        "ke",
        "na",
        "nad",
        "o",
        "od",
        "of",
        "on",
        "or",
        "po",
        "pod",
        "pro",
        "przez",
        "przy",
        "s",
        "se",
        "sie",
        "ta",
        "te",
        "the",
        "to",
        "u",
        "v",
        "ve",
        "w",
        "we",
        "z",
        "za",
        "ze",
    ]
)


def fold(text):
    """Lower-case ASCII: `Ołomuniec` → `olomuniec`, `Přerov` → `prerov`."""
    decomposed = unicodedata.normalize("NFKD", text.translate(SPECIAL_LETTERS))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


@functools.cache
def lemmatiser(language):
    """The lemmagen3 model of `language`, loaded once per process; None for languages it lacks."""
    try:
        return lemmagen3.Lemmatizer(language)
    except (ValueError, RuntimeError):
        return None


@functools.lru_cache(maxsize=200_000)
def spellings(word, language):
    """The folded spellings a word is indexed and searched under (itself, its lemma, its folded form's lemma)."""
    lower = word.lower()
    folded = fold(lower)
    if not TOKEN.fullmatch(folded):
        # Mixed scripts or symbols: keep the searchable runs, there is nothing to lemmatise.
        return tuple(TOKEN.findall(folded))
    model = lemmatiser(language)
    forms = {folded}
    if model is not None:
        forms.add(fold(model.lemmatize(lower)))
        forms.add(fold(model.lemmatize(folded)))
    return tuple(sorted(form for form in forms if TOKEN.fullmatch(form)))


def words(text):
    """The words of `text` with their positions: (start, end, word)."""
    return [(match.start(), match.end(), match.group()) for match in WORD.finditer(text)]


def terms(text, language):
    """Index terms of `text`: every spelling of every word, space-separated with a space at either end.

    The surrounding spaces let a term be matched as ` term ` with a plain LIKE
    (the SQLite fallback and the ranking), and the same string feeds the
    PostgreSQL tsvector.
    """
    found = dict.fromkeys(form for _start, _end, word in words(text) for form in spellings(word, language))
    return f" {' '.join(found)} " if found else " "


def query_tokens(text):
    """The words of a query, folded to ASCII, in order (the raw material of `search.query.parse`)."""
    tokens = []
    for _start, _end, word in words(text):
        folded = fold(word)
        if TOKEN.fullmatch(folded):
            tokens.append((word, folded))
        else:
            tokens.extend((run, run) for run in TOKEN.findall(folded))
    return tokens
