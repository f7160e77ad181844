"""The one spaCy pipeline: a blank English tokenizer and a span_ruler of figure patterns.

Built once per process (nothing is downloaded: `spacy.blank("en")` ships with spaCy).
"""
from __future__ import annotations

from functools import lru_cache

SPANS_KEY = "figures"


@lru_cache(maxsize=1)
def pipeline():
    from spacy.lang.en import English

    from extract.figures.patterns import TOKEN_INFIXES, TOKEN_PREFIXES, all_patterns

    class FigureDefaults(English.Defaults):
        # English's affixes plus ours, given to the tokenizer when it is built: setting them
        # afterwards rebuilds its 4,000 special cases once per setting (half the start-up).
        prefixes = [*English.Defaults.prefixes, *TOKEN_PREFIXES]
        infixes = [*English.Defaults.infixes, *TOKEN_INFIXES]

    class FigureEnglish(English):  # spacy.blank("en") with those affixes; nothing is downloaded
        Defaults = FigureDefaults

    nlp = FigureEnglish()
    ruler = nlp.add_pipe(
        "span_ruler",
        config={"spans_key": SPANS_KEY, "validate": True, "overwrite": True},
    )
    ruler.add_patterns(all_patterns())
    return nlp
