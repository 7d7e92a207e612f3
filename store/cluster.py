"""Where extraction runs: in this process, or mapped over a dask.distributed cluster.

``--workers N`` starts a LocalCluster of N worker processes (one thread each) for the run;
``--scheduler tcp://HOST:8786`` connects to a cluster someone already runs. Both give a
:class:`DaskExecutor` and go through the same :meth:`DaskExecutor.map`. Results come back to
the client, which alone writes the store.

A worker that dies (killed, out of memory) takes its unfinished tasks with it; the scheduler
gives them to another worker, so its articles are extracted again. A batch that keeps killing
workers is split into single articles, and an article that still does is reported as a
problem instead of stopping the run.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any, Protocol

from claims.version import extractor_version, profile_version
from store.exc import IngestError
from store.tasks import ArticleResult, Source, extract_batch

SMALL_JOB = 40
"""With neither --workers nor --scheduler, fewer articles than this are extracted here: a
cluster's start-up (each worker loads the gazetteer) would cost more than it saves."""


class Executor(Protocol):
    description: str

    def map(self, batches: Sequence[list[Source]]) -> Iterator[list[ArticleResult]]: ...

    def close(self) -> None: ...


class InProcess:
    """Extraction in this process, batch after batch (small jobs, uploads, tests)."""

    description = "in-process"

    def map(self, batches: Sequence[list[Source]]) -> Iterator[list[ArticleResult]]:
        for batch in batches:
            yield extract_batch(batch)

    def close(self) -> None:
        pass


def _crashed(source: Source, reason: str) -> ArticleResult:
    message = f"extraction crashed its worker process repeatedly ({reason}); skipped"
    result = ArticleResult(source, None, (), (), extractor_version(), profile_version(), "")
    return replace(result, problems=((message, True),))


class DaskExecutor:
    """Extraction mapped over a Dask cluster: a LocalCluster of ``workers`` processes, or the
    existing cluster whose scheduler is at ``scheduler``."""

    def __init__(
        self,
        workers: int | None = None,
        scheduler: str | None = None,
        timeout_s: float | None = None,
    ) -> None:
        from distributed import Client, LocalCluster

        from store.settings import DEFAULT_SCHEDULER_TIMEOUT_S, SCHEDULER_TIMEOUT_ENV, seconds

        if timeout_s is None:
            timeout_s = seconds(SCHEDULER_TIMEOUT_ENV, DEFAULT_SCHEDULER_TIMEOUT_S)
        self.cluster: Any = None
        if scheduler:
            try:
                self.client = Client(scheduler, timeout=timeout_s)
            except (OSError, TimeoutError) as exc:
                raise IngestError(
                    f"cannot reach the Dask scheduler at {scheduler} within {timeout_s:g} s "
                    f"({type(exc).__name__}); start one with "
                    "`dask scheduler` and workers with `dask worker " + scheduler + "`"
                ) from exc
            self.description = scheduler
        else:
            n = max(1, workers or 1)
            self.cluster = LocalCluster(
                n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
                silence_logs=logging.ERROR,
            )  # fmt: skip
            self.client = Client(self.cluster)
            self.description = f"local:{n}"

    def worker_count(self) -> int:
        return max(1, len(self.client.scheduler_info(n_workers=-1).get("workers", {})))

    def map(self, batches: Sequence[list[Source]]) -> Iterator[list[ArticleResult]]:
        """Results batch by batch as they finish; at most a few batches per worker are
        queued at once, so memory stays flat however big the corpus."""
        from distributed import as_completed
        from distributed.scheduler import KilledWorker

        pending = deque(batches)
        in_flight = as_completed()
        limit = 4 * self.worker_count()

        def submit(batch: list[Source]) -> None:
            future = self.client.submit(extract_batch, batch, pure=False)
            future.batch = batch  # type: ignore[attr-defined]
            in_flight.add(future)

        for _ in range(min(limit, len(pending))):
            submit(pending.popleft())
        for future in in_flight:
            batch = future.batch
            try:
                result = future.result()
            except KilledWorker as exc:
                if len(batch) > 1:
                    for source in batch:  # find the article that kills workers
                        submit([source])
                else:
                    result = [_crashed(batch[0], type(exc).__name__)]
                    yield result
            else:
                yield result
            finally:
                future.release()
            if pending:
                submit(pending.popleft())

    def close(self) -> None:
        try:
            self.client.close()
        finally:
            if self.cluster is not None:
                self.cluster.close()


def executor(workers: int | None, scheduler: str | None, todo: int) -> Executor:
    """``--scheduler`` wins; ``--workers 0`` (or a small job with no choice made) runs here;
    otherwise a LocalCluster of ``workers`` (default: one per core)."""
    if scheduler:
        return DaskExecutor(scheduler=scheduler)
    if workers == 0 or (workers is None and todo < SMALL_JOB):
        return InProcess()
    return DaskExecutor(workers=workers or os.cpu_count() or 1)
