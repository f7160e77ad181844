"""Two versions of a paper, figure by figure: which printed figures changed, which rows,
columns, tables and cards were added or removed (model, matching, changes, html)."""
