"""The review page: `model` gathers findings, structures and the crops they need,
`crops` renders page regions, `render` writes the HTML, `page` does all three for a
file. May import: `pipeline`, `output` and everything below them.
"""
