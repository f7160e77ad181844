"""Figures in text: `patterns` holds spaCy token patterns as data, `nlp` builds the
rule-based pipeline on `spacy.blank("en")`, `match` turns matched spans into `Figure`s
with value, printed text, precision, page and bounding box. May import: `read` and the
base modules.
"""
