"""Imported once by the batch's fork server, so every per-file child starts warm.

The fork server forks one child per input; whatever is imported here is already in memory
in each child (about a second of imports and the spaCy pipeline saved per file) while each
child still starts clean of any other file's state. Failures are swallowed: a module that
does not import here is simply imported later, in the child, where its error is reported
against the file. The names are strings, so tests/test_module_lists.py imports every one of
them: a renamed module fails the tests rather than silently going cold.
"""
from __future__ import annotations

import importlib
import sys

MODULES = (
    "extract.batch.worker", "extract.pipeline", "extract.output", "extract.read.pdfium", "extract.read.plumber",
    "extract.read.flow", "extract.pack.segment", "extract.pack.triage", "extract.figures.match", "extract.figures.nlp",
    "extract.structures.cards", "extract.structures.fintables", "extract.structures.statements",
    "extract.structures.numeric.tables", "extract.structures.postlists", "extract.checks",
    "pdfplumber", "pypdfium2",
)


def _warm() -> None:
    for name in MODULES:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - see the module docstring
            pass
    for warm in (_spacy_pipeline, _schema_validator):
        try:
            warm()
        except Exception:  # noqa: BLE001
            pass


def _remove_socket_folder_at_exit() -> None:
    """In the fork server: remove the batch's pymp-* folder (it holds our socket) when the
    server ends, which it does once the batch is gone, killed or not. Children of the
    server leave by os._exit and never run this."""
    import atexit
    import os
    import shutil

    folder = os.environ.get("AGENDA_EXTRACT_FORKSERVER_TMP")
    if not folder or not os.path.basename(folder).startswith("pymp-"):
        return
    server = os.getpid()

    def remove() -> None:
        if os.getpid() == server:
            shutil.rmtree(folder, ignore_errors=True)

    atexit.register(remove)


def _spacy_pipeline() -> None:
    from extract.figures.nlp import pipeline

    pipeline()


def _schema_validator() -> None:
    from extract.output import _validator  # built once here rather than once per child

    _validator()


_warm()
if sys.argv[:1] == ["-c"] and "multiprocessing.forkserver" in sys.modules:  # we are the fork server
    _remove_socket_folder_at_exit()
