"""Numeric tables: `cells` parses a printed cell into a value (and tells a unit line,
'£000  £000', from a row), `grid` finds aligned columns of numbers and where a table ends,
`headers` its column headings, `rows` folds wrapped labels into their rows, `titles` its
title, `units` each column's unit and where it is printed, and `tables` builds titled
tables with row labels, units and the reading taken.
"""
