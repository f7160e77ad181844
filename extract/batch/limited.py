"""One call under a wall-clock timeout and a memory cap, in a forked child: `run`, `review` and
`check` read each input this way, under the limits batch gives each of its inputs.

The child caps its own address space (RLIMIT_AS) before it starts, as a batch worker does,
and sends back its result or the domain error it raised. The parent waits at most the
timeout, samples the child's memory (so a C library dying near the cap is called out of
memory), and turns a child that hangs, crashes or runs out of memory into a TimedOut,
WorkerCrashed or OutOfMemory error about the input. Anything else the child raises is a bug:
its traceback comes back as the text of a RuntimeError.
"""
from __future__ import annotations

import multiprocessing
import signal
import time
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from extract.batch.worker import SAMPLE_SECONDS, Limits, MemoryWatch, apply_limits, describe_exit
from extract.errors import AgendaExtractError, OutOfMemory, TimedOut, WorkerCrashed
from extract.read.pool import die_with_parent

GRACE_SECONDS = 5.0  # for a child that answered to exit before it is killed


def call_limited(function: Callable[..., Any], args: tuple, limits: Limits, path: Path | str) -> Any:
    """function(*args) in a forked child under `limits`; its result, or the error about `path`."""
    context = multiprocessing.get_context("fork")  # the parent's imports come along: no start-up cost
    receive, send = context.Pipe(duplex=False)
    # Not a daemon, so that the child may fork workers of its own (run --jobs reads one file's
    # pages in a pool); it still ends with this process: killed below, or by the kernel when
    # this process dies (die_with_parent).
    process = context.Process(target=_child, args=(function, args, limits, path, send), daemon=False)
    started = time.monotonic()
    process.start()
    send.close()  # so that the child's death reads as EOF here
    assert process.pid is not None  # started
    watch = MemoryWatch(process.pid)
    ended = False  # the child answered or died; otherwise (timeout, Ctrl-C) it is killed at once
    try:
        while True:
            watch.sample()
            remaining = started + limits.timeout - time.monotonic()
            if remaining <= 0:
                raise TimedOut(path, f"took longer than the {limits.timeout:g} s timeout (--timeout)")
            wait([receive, process.sentinel], timeout=min(SAMPLE_SECONDS, remaining))
            if receive.poll():
                ended = True
                try:
                    status, payload = receive.recv()
                except (EOFError, OSError):  # died while answering
                    break
                return _answer(status, payload)
            if not process.is_alive():
                ended = True
                break
    finally:
        receive.close()
        process.join(GRACE_SECONDS if ended else 0)
        if process.is_alive():
            process.kill()
            process.join()
    near_cap = watch.peak_vm_mb >= 0.8 * limits.max_memory_mb
    info = describe_exit(process.exitcode, limits, near_cap)
    error = OutOfMemory if info.type == "out_of_memory" else WorkerCrashed
    raise error(path, info.message.replace("the worker", "reading it"))


def _answer(status: str, payload: Any) -> Any:
    if status == "ok":
        return payload
    if status == "error":
        raise payload
    raise RuntimeError(f"the extraction failed in its child process:\n{payload}")


def _child(function: Callable[..., Any], args: tuple, limits: Limits, path: Path | str, send: Connection) -> None:
    die_with_parent()
    apply_limits(limits)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it ends us
    try:
        answer: tuple[str, Any] = ("ok", function(*args))
    except MemoryError:
        answer = ("error", _out_of_memory(path, limits))
    except AgendaExtractError as exc:
        answer = ("error", exc)
    except BaseException:  # noqa: BLE001 - a bug: its traceback goes to the parent, which shows it
        answer = ("bug", traceback.format_exc())
    try:
        send.send(answer)
    except MemoryError:
        send.send(("error", _out_of_memory(path, limits)))
    send.close()


def _out_of_memory(path: Path | str, limits: Limits) -> OutOfMemory:
    return OutOfMemory(path, f"needed more than the {limits.max_memory_mb} MB memory cap (--max-memory)")
