"""Two versions of a paper, figure by figure: `matching` pairs their tables, rows, columns,
cards and lists, `changes` compares the paired figures and orders the changes as the new
paper prints them, `model` and `output` are the published contract (schemas/compare.schema.json),
`html` the page of the changes (the review page's crops). May import: `review`, `pipeline`,
`output` and everything below them.
"""
