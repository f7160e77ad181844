"""Structures built from positioned rows: service cards (`cards`, `blocks` for the
staffing and budget blocks, `titles`), Appendix B financial tables (`fintables`), numeric
tables (`numeric`: cells, grid, tables), lists of posts (`postlists`) and report
paragraphs (`statements`). A card's saving is set in `blocks` (the budget block) and
filled into the card in `cards`. May import: `figures`, `read` and the base modules.
"""
