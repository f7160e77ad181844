"""The HTML the service answers with: the drop page, the review page with its download links,
an error page for the form, and a plain /docs page listing the routes of the OpenAPI schema.
No external assets: the drop page's script and style are served from /static, under a
Content-Security-Policy that allows nothing else."""
from __future__ import annotations

import base64
import hashlib
import re
from html import escape
from importlib import resources

from extract import __version__

# The drop page and /docs: our own script and style only, forms and fetches to this origin only.
PAGE_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
               "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}
STATIC_TYPES = {"drop.js": "text/javascript; charset=utf-8", "drop.css": "text/css; charset=utf-8"}
_STYLE = re.compile(r"<style>(.*?)</style>", re.S)

BAR_CSS = (".serve-bar{display:flex;flex-wrap:wrap;gap:1rem;padding:.75rem 1rem;background:#0b0c0c;}"
           ".serve-bar a{color:#fff;font-weight:600;}.serve-bar a:focus-visible{outline:3px solid #fd0;}")


def static_text(name: str) -> str:
    return resources.files("extract.serve").joinpath("static").joinpath(name).read_text(encoding="utf-8")


def drop_page(ocr_default: str) -> str:
    options = "".join(f'<option value="{m}"{" selected" if m == ocr_default else ""}>{m}</option>'
                      for m in ("auto", "never", "always"))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>agenda-extract: read a council paper</title>
<link rel="stylesheet" href="/static/drop.css">
</head>
<body>
<main>
<h1>Read a council paper</h1>
<p>Give a committee paper (PDF): you get its review page, with each finding shown on the page it
came from, and its figures as JSON and CSV. Nothing leaves this server.</p>
<form id="drop-form" method="post" action="/review" enctype="multipart/form-data">
<div id="drop-zone" class="zone">
<label for="file">Choose a PDF, or drop one anywhere on this page</label>
<input id="file" name="file" type="file" accept="application/pdf,.pdf" required>
</div>
<p class="options"><label for="ocr">Scanned pages (OCR)</label>
<select id="ocr" name="ocr">{options}</select></p>
<button id="read" type="submit">Read it</button>
</form>
<p id="progress" role="status" aria-live="polite"></p>
<p class="note">agenda-extract {escape(__version__)} · <a href="/docs">the HTTP routes</a></p>
</main>
<script src="/static/drop.js"></script>
</body>
</html>
"""


def review_with_links(review_html: str, task_id: str, file_name: str) -> tuple[str, str]:
    """The review page with a bar of links (download the JSON and the figures' CSV, read another
    paper) at the top; and its Content-Security-Policy, allowing its styles by their hashes."""
    links = (f'<nav class="serve-bar" aria-label="Downloads">'
             f'<a href="/v1/result/{task_id}?download=1" download>Download the JSON of {escape(file_name)}</a>'
             f'<a href="/v1/result/{task_id}/figures.csv" download>Download its figures (CSV)</a>'
             f'<a href="/">Read another paper</a></nav>')
    page = review_html.replace("</head>", f"<style>{BAR_CSS}</style>\n</head>", 1)
    page = page.replace("<body>", "<body>\n" + links, 1)
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'"
                      for s in _STYLE.findall(page))
    policy = (f"default-src 'none'; img-src data:; style-src {hashes}; form-action 'self'; base-uri 'none'; "
              "frame-ancestors 'none'")
    return page, policy


def error_page(status: int, message: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Could not read the paper</title>
<link rel="stylesheet" href="/static/drop.css">
</head>
<body>
<main>
<h1>Could not read the paper</h1>
<p id="progress" class="failed" role="alert">{escape(message)} (HTTP {status})</p>
<p><a href="/">Try another paper</a></p>
</main>
</body>
</html>
"""


def docs_page(openapi: dict) -> str:
    """The routes of the OpenAPI schema as a plain page (no Swagger UI: it would load scripts
    from a CDN, and the service works offline)."""
    rows = []
    for path, methods in openapi.get("paths", {}).items():
        for method, operation in methods.items():
            codes = ", ".join(sorted(operation.get("responses", {})))
            rows.append(f"<section><h2><code>{escape(method.upper())} {escape(path)}</code></h2>"
                        f"<p>{escape(operation.get('summary', ''))}</p>"
                        f"<p>{escape(operation.get('description', ''))}</p>"
                        f"<p class=\"note\">Answers: {escape(codes)}</p></section>")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>agenda-extract serve: routes</title>
<link rel="stylesheet" href="/static/drop.css">
</head>
<body>
<main>
<h1>agenda-extract {escape(__version__)}: HTTP routes</h1>
<p>The machine-readable schema: <a href="/openapi.json">/openapi.json</a>. Errors are
<code>{{"error": {{"type", "message"}}}}</code>.</p>
{"".join(rows)}
</main>
</body>
</html>
"""
