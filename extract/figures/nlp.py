"""The one spaCy pipeline: a blank English tokenizer and a span_ruler of figure patterns.

Built once per process (nothing is downloaded: `spacy.blank("en")` ships with spaCy).
"""
from __future__ import annotations

from functools import lru_cache

SPANS_KEY = "figures"


@lru_cache(maxsize=1)
def pipeline():
    import spacy
    from spacy.util import compile_infix_regex, compile_prefix_regex

    from extract.figures.patterns import TOKEN_INFIXES, TOKEN_PREFIXES, all_patterns

    nlp = spacy.blank("en")
    nlp.tokenizer.infix_finditer = compile_infix_regex([*nlp.Defaults.infixes, *TOKEN_INFIXES]).finditer
    nlp.tokenizer.prefix_search = compile_prefix_regex([*nlp.Defaults.prefixes, *TOKEN_PREFIXES]).search
    ruler = nlp.add_pipe(
        "span_ruler",
        config={"spans_key": SPANS_KEY, "validate": True, "overwrite": True},
    )
    ruler.add_patterns(all_patterns())
    return nlp
