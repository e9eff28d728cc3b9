"""Queues batch items and sends them to ``POST /v1/batch`` from one background thread, in order, in
chunks that respect the server's limits (1,000 items, 5 MB), retrying only the items the server could
not take. Each item is serialised once, when it is queued: every send and retry reuses those bytes, so
an item keeps its id (and its queued-time stamps) however often it is resent."""

from __future__ import annotations

import collections
import json
import threading
import time
from typing import Any, Callable, Deque, Dict, List, Optional

from ._transport import MAX_RETRY_AFTER, Transport
from .errors import ConfabError, error_from_body, is_retryable_status

MAX_BATCH_ITEMS = 1000
# The server takes 5 MiB; stay a little under it whichever way "MB" is counted.
MAX_BATCH_BYTES = 5_000_000
_ENVELOPE = len(b'{"batch":[]}')

Reporter = Callable[[ConfabError], None]


class _Queued:
    __slots__ = ("item", "data", "seq", "queued_at")

    def __init__(self, item: Dict[str, Any], data: bytes, seq: int, queued_at: float) -> None:
        self.item = item
        self.data = data
        self.seq = seq
        self.queued_at = queued_at


def _body(items: List[_Queued]) -> bytes:
    return b'{"batch":[' + b",".join(q.data for q in items) + b"]}"


class BatchSender:
    """The queue and its sender thread. Thread-safe: any thread may :meth:`add` and :meth:`flush`."""

    def __init__(self, transport: Transport, report: Reporter, *, batch_size: int, flush_interval: float,
                 encode: Callable[[Any], bytes]) -> None:
        self._transport = transport
        self._report = report
        self._encode = encode
        self.batch_size = max(1, min(MAX_BATCH_ITEMS, int(batch_size)))
        self.flush_interval = max(0.0, float(flush_interval))
        self._cond = threading.Condition(threading.Lock())
        self._queue: Deque[_Queued] = collections.deque()
        self._seq = 0  # items accepted so far
        self._done = 0  # items sent or given up on (the sender handles them in order)
        self._flush_to = 0  # a flush waits for every item up to this sequence number
        self._closing = False
        self._thread: Optional[threading.Thread] = None

    # --- producer side ------------------------------------------------------------------------------

    def add(self, item: Dict[str, Any]) -> None:
        """Queues one ``{id, type, timestamp, body}`` item (serialised now). Raises RuntimeError once closed."""
        data = self._encode(item)
        if _ENVELOPE + len(data) > MAX_BATCH_BYTES:
            self._report(ConfabError(413, "payload_too_large",
                                     f"Batch item {item['id']} is {len(data)} bytes; a batch body must stay under "
                                     f"{MAX_BATCH_BYTES}", items=[item]))
            return
        with self._cond:
            if self._closing:
                raise RuntimeError("The Confab client is closed")
            self._seq += 1
            self._queue.append(_Queued(item, data, self._seq, time.monotonic()))
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="confab-sender", daemon=True)
                self._thread.start()
            if len(self._queue) >= self.batch_size or len(self._queue) == 1:
                self._cond.notify_all()

    def pending(self) -> int:
        """Items queued or being sent."""
        with self._cond:
            return self._seq - self._done

    def flush(self, timeout: Optional[float] = None) -> bool:
        """Sends everything queued so far and waits until it is sent (or reported through ``on_error``).
        Returns False when ``timeout`` (seconds) ran out first."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._cond:
            target = self._seq
            self._flush_to = max(self._flush_to, target)
            self._cond.notify_all()
            while self._done < target:
                if self._thread is None or not self._thread.is_alive():
                    return False
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    return False
                self._cond.wait(remaining)
        return True

    def close(self, timeout: Optional[float] = None) -> bool:
        """Refuses new items, sends the queued ones, and stops the thread. False when ``timeout`` ran out."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._cond:
            self._closing = True
            self._cond.notify_all()
        flushed = self.flush(timeout)
        thread = self._thread
        if thread is not None and thread.is_alive():
            remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
            thread.join(remaining)
        return flushed

    # --- sender thread ------------------------------------------------------------------------------

    def _take(self) -> Optional[List[_Queued]]:
        """Waits until a chunk is due and takes it; None when closing and nothing is left."""
        with self._cond:
            while True:
                if self._queue:
                    due = (len(self._queue) >= self.batch_size or self._closing
                           or self._flush_to >= self._queue[0].seq)
                    if not due:
                        wait = self._queue[0].queued_at + self.flush_interval - time.monotonic()
                        if wait <= 0:
                            due = True
                        else:
                            self._cond.wait(wait)
                            continue
                    return self._chunk()
                if self._closing:
                    return None
                self._cond.wait()

    def _chunk(self) -> List[_Queued]:
        chunk: List[_Queued] = []
        size = _ENVELOPE
        while self._queue and len(chunk) < self.batch_size:
            q = self._queue[0]
            if chunk and size + 1 + len(q.data) > MAX_BATCH_BYTES:
                break
            size += (1 if chunk else 0) + len(q.data)
            chunk.append(self._queue.popleft())
        return chunk

    def _run(self) -> None:
        while True:
            chunk = self._take()
            if chunk is None:
                return
            try:
                self._send(chunk)
            except Exception as e:  # never let the sender die with items in hand
                self._report(ConfabError(0, "client_error", repr(e), items=[q.item for q in chunk]))
            finally:
                with self._cond:
                    self._done = max(self._done, chunk[-1].seq)
                    self._cond.notify_all()

    def _send(self, chunk: List[_Queued]) -> None:
        pending = chunk
        round_ = 0
        while pending:
            try:
                answer = self._transport.post("/v1/batch", _body(pending))
            except ConfabError as e:
                self._report(e.with_items([q.item for q in pending]))
                return
            results = answer.get("results") if isinstance(answer, dict) else None
            # A 2xx without per-item results means the server took the whole batch.
            if not isinstance(results, list):
                return
            by_id = {r.get("id"): r for r in results if isinstance(r, dict)}
            retry: List[_Queued] = []
            errors: List[ConfabError] = []
            for q in pending:
                r = by_id.get(q.item["id"])
                status = r.get("status") if r else None
                if isinstance(status, int) and status < 400:
                    continue
                if r is None or not isinstance(status, int):
                    retry.append(q)
                    errors.append(ConfabError(0, "missing_result", f"No result for batch item {q.item['id']}",
                                              items=[q.item]))
                    continue
                error = error_from_body(status, {"error": r.get("error")}).with_items([q.item])
                # Over the plan's conversations the answer holds until the period resets: no use retrying.
                if is_retryable_status(status) and error.code != "quota_exceeded":
                    retry.append(q)
                    errors.append(error)
                else:
                    self._report(error)
            if not retry:
                return
            if round_ >= self._transport.retries:
                for error in errors:
                    self._report(error)
                return
            time.sleep(min(MAX_RETRY_AFTER, self._transport.backoff_delay(round_)))
            round_ += 1
            pending = retry
