"""Running the same work from several threads at once, as several desks would."""

from __future__ import annotations

import threading
from collections.abc import Callable


def at_once(work: Callable[[], None], threads: int) -> None:
    """Start `work` in `threads` threads, then wait for all of them. `work` closes its own
    database connections and collects its own outcome."""
    started = [threading.Thread(target=work) for _ in range(threads)]
    for thread in started:
        thread.start()
    for thread in started:
        thread.join()
