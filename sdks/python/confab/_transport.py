"""HTTP to the Confab API: auth headers, timeouts, and retries with exponential backoff.

A retry resends the very same body bytes, so the ids inside it keep every write idempotent."""

from __future__ import annotations

import email.utils
import http.client
import json
import random
import socket
import time
import urllib.error
import urllib.request
from typing import Any, Optional, Tuple

from ._version import __version__
from .errors import ConfabError, error_from_body, is_retryable_status

# A `Retry-After` longer than this is not waited for: the request fails with its 429/503 at once
# (a `quota_exceeded` answer asks to wait until the billing period resets, which no caller wants).
MAX_RETRY_AFTER = 60.0


def parse_retry_after(value: Optional[str], now: Optional[float] = None) -> Optional[float]:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class Transport:
    """POSTs JSON with retries on network errors, 429 (``Retry-After`` honoured) and 5xx."""

    def __init__(self, api_key: str, base_url: str, *, retries: int = 5, timeout: float = 10,
                 base_delay: float = 0.2, max_delay: float = 10.0) -> None:
        self.api_key = api_key
        self.base_url = base_url.rstrip("/")
        self.retries = max(0, int(retries))
        self.timeout = timeout
        self.base_delay = max(0.0, base_delay)
        self.max_delay = max(self.base_delay, max_delay)
        self._headers = {
            "Authorization": f"Bearer {api_key}",
            "Content-Type": "application/json",
            "Accept": "application/json",
            "User-Agent": f"confab-python/{__version__}",
        }

    def backoff_delay(self, attempt: int) -> float:
        """The wait before retry number ``attempt`` (0-based): exponential, with "equal jitter"
        (half fixed, half random), so clients spread out but never retry at once."""
        exp = min(self.max_delay, self.base_delay * (2 ** attempt))
        return exp / 2 + random.random() * (exp / 2)

    def attempt(self, path: str, data: bytes) -> Tuple[bool, Any, Optional[ConfabError], bool, Optional[float]]:
        """One POST, no retry: ``(ok, data, error, retryable, retry_after_seconds)``."""
        req = urllib.request.Request(self.base_url + path, data=data, method="POST", headers=self._headers)
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as res:
                raw = res.read()
        except urllib.error.HTTPError as e:
            try:
                raw = e.read()
            except (OSError, http.client.HTTPException):
                raw = b""
            status = e.code
            retry_after = parse_retry_after(e.headers.get("Retry-After") if e.headers else None)
            return False, None, error_from_body(status, raw, e.reason or ""), is_retryable_status(status), retry_after
        except (socket.timeout, TimeoutError) as e:
            return False, None, ConfabError(0, "timeout", f"No response within {self.timeout} s ({e})"), True, None
        except urllib.error.URLError as e:
            reason = e.reason
            code = "timeout" if isinstance(reason, (socket.timeout, TimeoutError)) else "network_error"
            return False, None, ConfabError(0, code, f"Network error: {reason}"), True, None
        except (OSError, http.client.HTTPException) as e:
            # Dropped connections: RemoteDisconnected, ConnectionResetError, IncompleteRead, BadStatusLine…
            return False, None, ConfabError(0, "network_error", f"Network error: {e!r}"), True, None
        if not raw:
            return True, None, None, False, None
        try:
            return True, json.loads(raw.decode("utf-8")), None, False, None
        except ValueError:
            return True, raw.decode("utf-8", "replace"), None, False, None

    def post(self, path: str, data: bytes) -> Any:
        """Sends with retries; returns the parsed JSON answer or raises the last :class:`ConfabError`."""
        attempt = 0
        while True:
            ok, answer, error, retryable, retry_after = self.attempt(path, data)
            if ok:
                return answer
            assert error is not None
            if not retryable or attempt >= self.retries:
                raise error
            if retry_after is not None and retry_after > MAX_RETRY_AFTER:
                raise error
            time.sleep(retry_after if retry_after is not None else self.backoff_delay(attempt))
            attempt += 1
