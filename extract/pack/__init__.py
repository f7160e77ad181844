"""The pack as a whole, from the fast pass's text: `segment` finds the meeting, the
documents (agenda, reports, appendices, minutes) and their pages; `triage` decides which
pages need pdfplumber. May import: `read` and the base modules.
"""
