"""Run batch jobs on a Dask distributed cluster (optional extra: agenda-extract[dask]).

Same jobs, same outcomes, same manifest: only where the child process runs changes. Each
Dask task starts `python -m extract.batch.worker` on its worker machine and waits for it
with the timeout, so a PDF that hangs, segfaults or eats memory kills that child, never
the Dask worker (a multiprocessing child is not possible there: Dask's worker processes
are daemonic). The task returns the outcome (output JSON text included) to this process,
which writes the outputs and the manifest exactly as a local run does; the workers only
need to read the input paths (a shared filesystem) and have agenda-extract installed.
"""
from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from dataclasses import replace

from extract.batch.manifest import ErrorInfo
from extract.batch.worker import BatchJob, JobOutcome, WorkerSettings, run_in_subprocess
from extract.errors import UsageProblem

CONNECT_TIMEOUT = "10s"


class DaskUnavailable(UsageProblem):
    """Dask is not installed, or the scheduler cannot be reached: one line for the user."""


class DaskExecutor:
    def __init__(self, address: str, settings: WorkerSettings):
        try:
            from distributed import Client
        except ImportError:
            raise DaskUnavailable(None, "--executor dask needs Dask: pip install 'agenda-extract[dask]'") from None
        # Children on the workers write nowhere on this machine: their log path is dropped.
        self.settings = replace(settings, log_path=None)
        try:
            self.client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except Exception as exc:  # noqa: BLE001 - OSError, TimeoutError, ValueError for a bad address
            raise DaskUnavailable(None, f"cannot reach the Dask scheduler at {address} "
                                  f"({type(exc).__name__})") from None

    def run(self, jobs: Iterable[BatchJob]) -> Iterator[JobOutcome]:
        from distributed import as_completed

        run_id = uuid.uuid4().hex[:8]
        futures = {
            self.client.submit(run_in_subprocess, job, self.settings, key=f"agenda-extract-{run_id}-{n}",
                               pure=False, retries=0): job
            for n, job in enumerate(jobs)
        }
        try:
            for future in as_completed(futures, loop=self.client.loop):
                job = futures.pop(future)
                yield _outcome_of(future, job)
                future.release()
        finally:
            for future in futures:  # interrupted: stop what has not started
                future.cancel()

    def close(self) -> None:
        self.client.close()


def _outcome_of(future, job: BatchJob) -> JobOutcome:
    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - a lost worker (KilledWorker) is that input's failure
        return JobOutcome(job.file, "failed", None, 0.0,
                          ErrorInfo("worker_lost", f"the Dask task failed ({type(exc).__name__})"))
