"""The one spaCy pipeline: a blank English tokenizer and a span_ruler of figure patterns.

Built once per process (nothing is downloaded: `spacy.blank("en")` ships with spaCy).
"""
from __future__ import annotations

from functools import lru_cache

SPANS_KEY = "figures"


@lru_cache(maxsize=1)
def pipeline():
    import spacy

    from extract.figures.patterns import all_patterns

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe(
        "span_ruler",
        config={"spans_key": SPANS_KEY, "validate": True, "overwrite": True},
    )
    ruler.add_patterns(all_patterns())
    return nlp
