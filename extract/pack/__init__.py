"""The pack as a whole, from the fast pass's text: `meeting` (with `heading`, the reading of
a front page's heading block, and `printed`, dates, times and names to values) finds the
meeting; `segment` the documents (agenda, reports, appendices, minutes) and their pages;
`agenda` the agenda's numbered items and the documents they point to; `triage` decides
which pages need pdfplumber. May import: `read` and the base modules.
"""
