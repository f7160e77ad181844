"""The command line, one module per command group (`main`: run and schema; `check`,
`batch` (batch and export), `review`), with options and exit codes in `common`. The only
place where errors become one-line messages and exit codes. May import anything.
"""
