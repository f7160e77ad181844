"""Reading PDFs: pages to positioned words and rows.

`pdfium` is the fast pass (every page's lines and positioned characters, via pypdfium2);
`plumber` reads the pages that hold structures with pdfplumber (characters, ruling lines),
closing each page after use; `text` turns glyphs into words and rows, by one rule for both
readers; `forms` lays out the values of a fillable form's fields as glyphs in their boxes;
`flow` joins the rows of consecutive pages into one flow and finds columns. May import: the base modules
(`models`, `errors`, `settings`, `vocabulary`) only.
"""
