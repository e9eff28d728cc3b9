"""The one error type of the SDK: API errors, network failures and dropped queued items."""

from __future__ import annotations

import json
from typing import Any, Dict, List, Optional

__all__ = ["ConfabError"]


class ConfabError(Exception):
    """An error answer of the Confab API, or a failure to get one.

    Attributes:
        status: the HTTP status (``422``, ``401``, ``429``, …); ``0`` when no answer arrived
            (network error or timeout, after every retry).
        code: the API's error code (``validation_error``, ``unauthorized``, ``quota_exceeded``, …),
            or ``network_error``, ``timeout``, ``payload_too_large``, ``missing_result`` from the SDK.
        message: a human-readable explanation.
        details: the API's ``details`` (for a ``422``, a list of ``{"path", "message"}``), or None.
        items: for queued calls, the batch items that were dropped because of this error
            (``[{"id", "type", "timestamp", "body"}]``); empty for direct calls.
    """

    def __init__(self, status: int, code: str, message: str, details: Any = None,
                 items: Optional[List[Dict[str, Any]]] = None) -> None:
        super().__init__(f"{status} {code}: {message}" if status else f"{code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.items: List[Dict[str, Any]] = list(items or [])

    def __repr__(self) -> str:
        return f"ConfabError(status={self.status!r}, code={self.code!r}, message={self.message!r}, details={self.details!r})"

    def with_items(self, items: List[Dict[str, Any]]) -> "ConfabError":
        """A copy of this error that names the dropped items."""
        return ConfabError(self.status, self.code, self.message, self.details, items)


def is_retryable_status(status: int) -> bool:
    """429 (rate limit) and every 5xx are retried; other 4xx are final."""
    return status == 429 or status >= 500


def error_from_body(status: int, body: Any, fallback: str = "") -> ConfabError:
    """Builds a ConfabError from an ``{"error": {"code", "message", "details"?}}`` value (a dict or
    raw bytes), or from ``fallback`` when the body has no such shape."""
    if isinstance(body, (bytes, bytearray)):
        text = body.decode("utf-8", "replace")
        try:
            body = json.loads(text)
        except ValueError:
            return ConfabError(status, f"http_{status}", (text[:200] or fallback or f"HTTP {status}"))
    error = body.get("error") if isinstance(body, dict) else None
    if isinstance(error, dict):
        code = error.get("code")
        message = error.get("message")
        return ConfabError(status, code if isinstance(code, str) else f"http_{status}",
                           message if isinstance(message, str) else f"HTTP {status}", error.get("details"))
    return ConfabError(status, f"http_{status}", fallback or f"HTTP {status}")
