"""Folding and lemmatising: the spellings index and query meet on."""

from search.text import fold, query_tokens, spellings, terms


def test_fold_removes_diacritics_including_letters_nfkd_keeps():
    assert fold("Ołomuniec") == "olomuniec"
    assert fold("Přerov Šternberk Kędzierzyn-Koźle") == "prerov sternberk kedzierzyn-kozle"
    assert fold("Straße Ærø") == "strasse aero"


def test_inflected_and_unaccented_forms_share_a_spelling():
    assert "wspolpraca" in set(spellings("współpracy", "pl")) & set(spellings("wspolpracy", "pl"))
    assert "olomoucky" in set(spellings("olomoucké", "cs")) & set(spellings("Olomoucky", "cs"))
    assert "spoluprace" in spellings("spolupráce", "cs")


def test_terms_are_space_delimited_ascii():
    text = terms("Współpraca <b>gmin</b> & 2020!", "pl")

    assert text.startswith(" ") and text.endswith(" ")
    assert " wspolpraca " in text
    assert " 2020 " in text
    assert all(term.isascii() and term.isalnum() for term in text.split())


def test_query_tokens_keep_only_searchable_runs():
    assert query_tokens("!!! ---") == []
    assert [folded for _word, folded in query_tokens("Ａb一 ż")] == ["ab", "z"]
