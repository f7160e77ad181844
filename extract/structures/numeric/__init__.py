"""Numeric tables: `cells` parses a printed cell into a value, `grid` finds aligned
columns of numbers, `tables` builds titled tables with row labels and units.
"""
