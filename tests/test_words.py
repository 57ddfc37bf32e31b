from desktop.engine.language.words import join_words


def test_join_words_lists_as_english_does():
    assert join_words([]) == ""
    assert join_words(["a"]) == "a"
    assert join_words(["a", "b"]) == "a and b"
    assert join_words(["a", "b", "c"]) == "a, b and c"
    assert join_words(["a", "b", "c"], "or") == "a, b or c"
