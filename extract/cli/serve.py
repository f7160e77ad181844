"""`agenda-extract serve`: the tool over HTTP (extract.serve), run by uvicorn.

Imports only click at top level, so `agenda-extract --help` stays fast; FastAPI and uvicorn
come with the `serve` extra, and the command says so when they are missing.
"""
from __future__ import annotations

import os

import click

from extract.cli.common import MAX_TIMEOUT, FiniteFloat, bounded_int, cpu_count, limits_options, ocr_option

API_KEY_VARIABLE = "AGENDA_EXTRACT_API_KEY"


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 0.0.0.0 opens the server to the network.")
@click.option("--port", type=bounded_int(0, 65535), default=8000, show_default=True)
@click.option("--jobs", type=bounded_int(1, 256), default=None,
              help="Papers read at once, each in a limited process of its own (default: the number of cores).")
@click.option("--queue", "queue", type=bounded_int(0, 10_000), default=16, show_default=True,
              help="Papers waiting for a free process beyond those being read; past it: 503.")
@click.option("--max-upload-mb", type=FiniteFloat(0.001, 1 << 20), default=200.0, show_default=True,
              help="Largest upload; a larger one gets 413, refused while it is read.")
@click.option("--keep-results", "keep_results", type=FiniteFloat(1, MAX_TIMEOUT), default=3600.0, show_default=True,
              help="Seconds an async task's document and review page are kept after it finished; then deleted.")
@ocr_option
@limits_options
def serve(host: str, port: int, jobs: int | None, queue: int, max_upload_mb: float, keep_results: float,
          ocr: str | None, ocr_page_timeout: float, timeout: float, max_memory: int) -> None:
    """Serve the tool over HTTP: POST a PDF, get the document `run` writes.

    \b
    Routes: POST /v1/extract (multipart field `file`; form fields `ocr`, `checks`),
    POST /v1/extract/async then GET /v1/status/ID, /v1/result/ID, /v1/review/ID,
    POST /v1/check, POST /v1/compare (fields `old`, `new`), GET /healthz,
    /version, /openapi.json, /docs; GET / is a page to drop a PDF on,
    answered with its review page. Errors are JSON
    {"error": {"type", "message"}}: 400 not a PDF or damaged, 413 too large,
    422 no text to be trusted, 504 past --timeout, 503 queue full.

    \b
    Each paper is read as `run` reads it, in a process of its own under --timeout
    and --max-memory. With AGENDA_EXTRACT_API_KEY set, every route but /healthz
    needs the header X-Api-Key. SIGTERM (or Ctrl-C) lets the requests being
    answered finish, stops the async tasks, then removes every temporary file.
    Needs the `serve` extra: pip install 'agenda-extract[serve]'.
    """
    try:
        import uvicorn

        from extract.serve.app import create_app
        from extract.serve.service import ServeConfig
    except ImportError as exc:
        raise click.ClickException(f"serve needs FastAPI and uvicorn ({exc.name} is missing): "
                                   "pip install 'agenda-extract[serve]'") from None
    from extract.batch.worker import Limits
    from extract.cli.common import resolve_ocr
    from extract.cli.main import _warm_imports
    from extract.pipeline import tune_garbage_collector

    _warm_imports()
    tune_garbage_collector()
    config = ServeConfig(jobs=jobs or cpu_count(), queue=queue, max_upload_bytes=int(max_upload_mb * (1 << 20)),
                         limits=Limits(timeout, max_memory, ocr_page_timeout), keep_seconds=keep_results,
                         api_key=os.environ.get(API_KEY_VARIABLE) or None, ocr_default=resolve_ocr(ocr))
    papers = f"{config.jobs} paper{'s' if config.jobs > 1 else ''} at once"
    click.echo(f"agenda-extract serve on http://{host}:{port}/ ({papers}"
               f"{', API key required' if config.api_key else ''})", err=True)
    uvicorn.run(create_app(config), host=host, port=port, log_level="warning", timeout_graceful_shutdown=None)


# The shared options, as they read for a server: per paper, answered with a status code.
_SERVE_HELP = {
    "timeout": "Wall-clock seconds per paper; a slower one gets 504 and the others go on.",
    "max_memory": "Address-space cap per paper, in MB (each is read in a process of its own); past it: 422.",
}
for _param in serve.params:
    if _param.name in _SERVE_HELP and isinstance(_param, click.Option):
        _param.help = _SERVE_HELP[_param.name]
    elif _param.name == "ocr" and isinstance(_param, click.Option):
        _param.help = f"The default of the form field `ocr`. {_param.help}"
