"""The Confab client: queued calls sent through ``POST /v1/batch`` by a background thread, or
sent one by one (``sync=True`` / ``client.sync``) with errors raised as :class:`ConfabError`."""

from __future__ import annotations

import atexit
import datetime as _dt
import email.utils
import json
import random
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from typing import Any, Callable, Dict, List, Mapping, Optional, Union

DateInput = Union[_dt.datetime, _dt.date, str, None]
Json = Dict[str, Any]

__all__ = ["Confab", "ConfabError", "SyncClient"]

_MAX_BATCH = 1000
_RETRY_STATUSES = (429,)


class ConfabError(Exception):
    """An error answer of the Confab API: ``status`` (HTTP), ``code``, ``message``, ``details``.

    ``status`` is 0 when the request never got an answer (network error after every retry)."""

    def __init__(self, status: int, code: str, message: str, details: Any = None) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.details = details


def _iso(value: DateInput) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, _dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=_dt.timezone.utc)
        return value.astimezone(_dt.timezone.utc).isoformat().replace("+00:00", "Z")
    return value.isoformat()


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _json_default(value: Any) -> Any:
    if isinstance(value, (_dt.datetime, _dt.date)):
        return _iso(value)
    if isinstance(value, (set, tuple)):
        return list(value)
    return str(value)


def _compact(body: Mapping[str, Any]) -> Json:
    return {k: v for k, v in body.items() if v is not None}


class _Http:
    """POSTs JSON with retries on network errors, 429 (``Retry-After`` honoured) and 5xx."""

    def __init__(self, api_key: str, base_url: str, retries: int, timeout: float,
                 base_delay: float = 0.25, max_delay: float = 10.0) -> None:
        self.api_key = api_key
        self.base_url = base_url.rstrip("/")
        self.retries = retries
        self.timeout = timeout
        self.base_delay = base_delay
        self.max_delay = max_delay

    def request(self, method: str, path: str, body: Any = None) -> Any:
        data = None if body is None else json.dumps(body, default=_json_default).encode("utf-8")
        attempt = 0
        while True:
            delay: Optional[float] = None
            try:
                req = urllib.request.Request(self.base_url + path, data=data, method=method)
                req.add_header("Authorization", f"Bearer {self.api_key}")
                req.add_header("Accept", "application/json")
                if data is not None:
                    req.add_header("Content-Type", "application/json")
                with urllib.request.urlopen(req, timeout=self.timeout) as res:
                    raw = res.read()
                    return json.loads(raw) if raw else None
            except urllib.error.HTTPError as e:
                status = e.code
                raw = e.read()
                if (status in _RETRY_STATUSES or status >= 500) and attempt < self.retries:
                    delay = _retry_after(e.headers.get("Retry-After"))
                else:
                    raise _error_from(status, raw) from None
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as e:
                if attempt >= self.retries:
                    raise ConfabError(0, "network_error", str(e)) from None
            if delay is None:
                delay = min(self.max_delay, self.base_delay * (2 ** attempt)) * (0.5 + random.random() / 2)
            attempt += 1
            time.sleep(delay)


def _retry_after(value: Optional[str]) -> Optional[float]:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
            return max(0.0, when.timestamp() - time.time())
        except (TypeError, ValueError):
            return None


def _error_from(status: int, raw: bytes) -> ConfabError:
    try:
        err = json.loads(raw).get("error", {})
        return ConfabError(status, err.get("code", "error"), err.get("message", ""), err.get("details"))
    except (ValueError, AttributeError):
        return ConfabError(status, "error", raw.decode("utf-8", "replace")[:500])


def _conversation_body(conversation_id: str, avatar_id: str, customer_id: Optional[str],
                       customer_ip_address: Optional[str], device: Optional[str], source: Optional[str],
                       language: Optional[str], metadata: Optional[Json], user_agent: Optional[str],
                       started_at: DateInput) -> Json:
    return _compact({
        "id": conversation_id, "avatarId": avatar_id, "customerId": customer_id,
        "customerIpAddress": customer_ip_address, "device": device, "source": source,
        "language": language, "metadata": metadata, "userAgent": user_agent,
        "startedAt": _iso(started_at),
    })


class _Builder:
    """Turns the Python calls into REST bodies (shared by the queued and the sync client)."""

    default_avatar_id: str

    def _conversation(self, conversation_id: str, customer_id: Optional[str], customer_ip_address: Optional[str],
                      device: Optional[str], source: Optional[str], language: Optional[str],
                      metadata: Optional[Json], avatar_id: Optional[str], user_agent: Optional[str],
                      started_at: DateInput) -> Json:
        return _conversation_body(conversation_id, avatar_id or self.default_avatar_id, customer_id,
                                  customer_ip_address, device, source, language, metadata, user_agent, started_at)

    @staticmethod
    def _message(role: str, content: str, message_id: Optional[str], created_at: DateInput,
                 prompt_tokens: Optional[int], completion_tokens: Optional[int], metadata: Optional[Json]) -> Json:
        tokens = _compact({"prompt": prompt_tokens, "completion": completion_tokens}) or None
        return _compact({"id": message_id or str(uuid.uuid4()), "role": role, "content": content,
                         "createdAt": _iso(created_at) or _now(), "tokens": tokens, "metadata": metadata})

    @staticmethod
    def _action(name: str, duration_ms: Optional[int], status: Optional[str], input: Any, output: Any,
                started_at: DateInput, action_id: Optional[str]) -> Json:
        return _compact({"id": action_id or str(uuid.uuid4()), "name": name, "durationMs": duration_ms,
                         "status": status, "input": input, "output": output,
                         "startedAt": _iso(started_at) or _now()})

    @staticmethod
    def _end(feedback: Any, escalated: Optional[bool], metadata: Optional[Json], ended_at: DateInput) -> Json:
        return _compact({"feedback": feedback, "escalated": escalated, "metadata": metadata,
                         "endedAt": _iso(ended_at) or _now()})

    @staticmethod
    def _event(event_name: str, properties: Optional[Json], conversation_id: Optional[str],
               avatar_id: Optional[str]) -> Json:
        return _compact({"id": str(uuid.uuid4()), "name": event_name, "properties": properties,
                         "conversationId": conversation_id, "avatarId": avatar_id, "timestamp": _now()})


class SyncClient(_Builder):
    """Sends every call at once and returns the API's JSON answer; raises :class:`ConfabError` on 4xx
    (and on 429/5xx/network errors once the retries are spent)."""

    def __init__(self, http: _Http, default_avatar_id: str) -> None:
        self._http = http
        self.default_avatar_id = default_avatar_id

    def get_or_create_conversation(self, conversation_id: str, customer_id: Optional[str] = None,
                                   customer_ip_address: Optional[str] = None, device: Optional[str] = None,
                                   source: Optional[str] = None, language: Optional[str] = None,
                                   metadata: Optional[Json] = None, avatar_id: Optional[str] = None,
                                   user_agent: Optional[str] = None, started_at: DateInput = None) -> Any:
        """``POST /v1/conversations``: get or create the conversation; counts as an interaction."""
        return self._http.request("POST", "/v1/conversations", self._conversation(
            conversation_id, customer_id, customer_ip_address, device, source, language, metadata,
            avatar_id, user_agent, started_at))

    def initialize_conversation(self, conversation_id: str, customer_id: Optional[str] = None,
                                customer_ip_address: Optional[str] = None, device: Optional[str] = None,
                                source: Optional[str] = None, language: Optional[str] = None,
                                metadata: Optional[Json] = None, avatar_id: Optional[str] = None,
                                user_agent: Optional[str] = None, started_at: DateInput = None) -> Any:
        """``POST /v1/conversations/initialize``: a visit that has not interacted yet."""
        return self._http.request("POST", "/v1/conversations/initialize", self._conversation(
            conversation_id, customer_id, customer_ip_address, device, source, language, metadata,
            avatar_id, user_agent, started_at))

    def track_message(self, conversation_id: str, role: str, content: str, *, message_id: Optional[str] = None,
                      created_at: DateInput = None, prompt_tokens: Optional[int] = None,
                      completion_tokens: Optional[int] = None, metadata: Optional[Json] = None) -> Any:
        """``POST /v1/conversations/{id}/messages``: one message (``role`` user, assistant or system)."""
        return self._http.request("POST", f"/v1/conversations/{_quote(conversation_id)}/messages",
                                  self._message(role, content, message_id, created_at, prompt_tokens,
                                                completion_tokens, metadata))

    def track_action(self, conversation_id: str, name: str, *, duration_ms: Optional[int] = None,
                     status: Optional[str] = None, input: Any = None, output: Any = None,
                     started_at: DateInput = None, action_id: Optional[str] = None) -> Any:
        """``POST /v1/conversations/{id}/actions``: a tool call (or an escalation, by name)."""
        return self._http.request("POST", f"/v1/conversations/{_quote(conversation_id)}/actions",
                                  self._action(name, duration_ms, status, input, output, started_at, action_id))

    def end_conversation(self, conversation_id: str, *, feedback: Any = None, escalated: Optional[bool] = None,
                         metadata: Optional[Json] = None, ended_at: DateInput = None) -> Any:
        """``POST /v1/conversations/{id}/end``: ends it, with optional feedback and escalation."""
        return self._http.request("POST", f"/v1/conversations/{_quote(conversation_id)}/end",
                                  self._end(feedback, escalated, metadata, ended_at))

    def track(self, event_name: str, properties: Optional[Json] = None, *, conversation_id: Optional[str] = None,
              avatar_id: Optional[str] = None) -> Any:
        """``POST /v1/events``: a custom event."""
        return self._http.request("POST", "/v1/events",
                                  self._event(event_name, properties, conversation_id, avatar_id))


def _quote(value: str) -> str:
    return urllib.parse.quote(value, safe="")


class Confab(_Builder):
    """Confab client. Calls are queued (stamped with the time they were queued) and sent in batches of
    up to ``batch_size`` through ``POST /v1/batch`` by a background thread, at least every
    ``flush_interval`` seconds. Each item keeps one id across retries, so a retry never duplicates.

    With ``sync=True`` every call is sent at once (as through ``client.sync``) and raises
    :class:`ConfabError`. ``on_error(error, items)`` is called for items the server rejected or that
    could not be delivered; by default they are dropped silently.

    Use as a context manager, or call :meth:`close`; the queue is also flushed at interpreter exit."""

    def __init__(self, api_key: str, base_url: str = "http://localhost:3000", *, batch_size: int = 100,
                 flush_interval: float = 1.0, retries: int = 5, timeout: float = 10,
                 sync: bool = False, avatar_id: str = "default",
                 on_error: Optional[Callable[[ConfabError, List[Json]], None]] = None,
                 retry_base_delay: float = 0.25) -> None:
        self._http = _Http(api_key, base_url, retries, timeout, base_delay=retry_base_delay)
        self.default_avatar_id = avatar_id
        self.sync = SyncClient(self._http, avatar_id)
        self._sync_mode = sync
        self.batch_size = max(1, min(_MAX_BATCH, batch_size))
        self.flush_interval = flush_interval
        self.on_error = on_error
        self._queue: List[Json] = []
        self._lock = threading.Lock()
        self._wake = threading.Condition(self._lock)
        self._in_flight = 0
        self._idle = threading.Condition(self._lock)
        self._closed = False
        self._thread: Optional[threading.Thread] = None
        if not sync:
            self._thread = threading.Thread(target=self._run, name="confab-sender", daemon=True)
            self._thread.start()
            atexit.register(self.close)

    # --- public API -------------------------------------------------------------------------------

    def get_or_create_conversation(self, conversation_id: str, customer_id: Optional[str] = None,
                                   customer_ip_address: Optional[str] = None, device: Optional[str] = None,
                                   source: Optional[str] = None, language: Optional[str] = None,
                                   metadata: Optional[Json] = None, avatar_id: Optional[str] = None,
                                   user_agent: Optional[str] = None, started_at: DateInput = None) -> Any:
        """Get or create a conversation (``POST /v1/conversations``); counts as an interaction.

        Queued: returns the batch item id (sync: the API's answer)."""
        if self._sync_mode:
            return self.sync.get_or_create_conversation(conversation_id, customer_id, customer_ip_address, device,
                                                        source, language, metadata, avatar_id, user_agent, started_at)
        return self._add("conversation", self._conversation(conversation_id, customer_id, customer_ip_address,
                                                            device, source, language, metadata, avatar_id,
                                                            user_agent, started_at))

    def initialize_conversation(self, conversation_id: str, customer_id: Optional[str] = None,
                                customer_ip_address: Optional[str] = None, device: Optional[str] = None,
                                source: Optional[str] = None, language: Optional[str] = None,
                                metadata: Optional[Json] = None, avatar_id: Optional[str] = None,
                                user_agent: Optional[str] = None, started_at: DateInput = None) -> Any:
        """Start a conversation as a visit that has not interacted yet
        (``POST /v1/conversations/initialize``); a later get-or-create with the same id makes it one
        unique interaction."""
        if self._sync_mode:
            return self.sync.initialize_conversation(conversation_id, customer_id, customer_ip_address, device,
                                                     source, language, metadata, avatar_id, user_agent, started_at)
        return self._add("conversation.initialize", self._conversation(
            conversation_id, customer_id, customer_ip_address, device, source, language, metadata, avatar_id,
            user_agent, started_at))

    def track_message(self, conversation_id: str, role: str, content: str, *, message_id: Optional[str] = None,
                      created_at: DateInput = None, prompt_tokens: Optional[int] = None,
                      completion_tokens: Optional[int] = None, metadata: Optional[Json] = None) -> Any:
        """Record a message (``POST /v1/conversations/{id}/messages``); ``created_at`` defaults to the
        time of this call, so batching never distorts response times."""
        if self._sync_mode:
            return self.sync.track_message(conversation_id, role, content, message_id=message_id,
                                           created_at=created_at, prompt_tokens=prompt_tokens,
                                           completion_tokens=completion_tokens, metadata=metadata)
        body = self._message(role, content, message_id, created_at, prompt_tokens, completion_tokens, metadata)
        body["conversationId"] = conversation_id
        return self._add("message", body)

    def track_action(self, conversation_id: str, name: str, *, duration_ms: Optional[int] = None,
                     status: Optional[str] = None, input: Any = None, output: Any = None,
                     started_at: DateInput = None, action_id: Optional[str] = None) -> Any:
        """Record a tool call (``POST /v1/conversations/{id}/actions``); names in the workspace's
        escalation list count as a human escalation."""
        if self._sync_mode:
            return self.sync.track_action(conversation_id, name, duration_ms=duration_ms, status=status,
                                          input=input, output=output, started_at=started_at, action_id=action_id)
        body = self._action(name, duration_ms, status, input, output, started_at, action_id)
        body["conversationId"] = conversation_id
        return self._add("action", body)

    def end_conversation(self, conversation_id: str, *, feedback: Any = None, escalated: Optional[bool] = None,
                         metadata: Optional[Json] = None, ended_at: DateInput = None) -> Any:
        """End a conversation (``POST /v1/conversations/{id}/end``) with optional ``feedback``
        (``"positive"``, ``"negative"`` or 1-5), ``escalated`` and ``metadata``."""
        if self._sync_mode:
            return self.sync.end_conversation(conversation_id, feedback=feedback, escalated=escalated,
                                              metadata=metadata, ended_at=ended_at)
        body = self._end(feedback, escalated, metadata, ended_at)
        body["conversationId"] = conversation_id
        return self._add("conversation.end", body)

    def track(self, event_name: str, properties: Optional[Json] = None, *, conversation_id: Optional[str] = None,
              avatar_id: Optional[str] = None) -> Any:
        """Record a custom event (``POST /v1/events``)."""
        if self._sync_mode:
            return self.sync.track(event_name, properties, conversation_id=conversation_id, avatar_id=avatar_id)
        return self._add("event", self._event(event_name, properties, conversation_id, avatar_id))

    def flush(self, timeout: Optional[float] = None) -> bool:
        """Block until every call queued so far has been sent (or given up on). Returns False on timeout."""
        if self._thread is None:
            return True
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._lock:
            self._wake.notify_all()
            while self._queue or self._in_flight:
                if not self._thread.is_alive():
                    return False
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    return False
                self._idle.wait(remaining if remaining is not None else 0.5)
                self._wake.notify_all()
        return True

    def close(self, timeout: Optional[float] = None) -> None:
        """Flush the queue and stop the background thread. Further queued calls raise RuntimeError."""
        if self._thread is None or self._closed:
            self._closed = True
            return
        self.flush(timeout)
        with self._lock:
            self._closed = True
            self._wake.notify_all()
        self._thread.join(timeout)
        try:
            atexit.unregister(self.close)
        except Exception:  # pragma: no cover
            pass

    def __enter__(self) -> "Confab":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # --- internals --------------------------------------------------------------------------------

    def _add(self, type_: str, body: Json) -> str:
        item_id = str(uuid.uuid4())
        item = {"id": item_id, "type": type_, "timestamp": _now(), "body": body}
        with self._lock:
            if self._closed:
                raise RuntimeError("Confab client is closed")
            self._queue.append(item)
            if len(self._queue) >= self.batch_size:
                self._wake.notify_all()
        return item_id

    def _run(self) -> None:
        while True:
            with self._lock:
                if not self._queue and not self._closed:
                    self._wake.wait(self.flush_interval)
                elif 0 < len(self._queue) < self.batch_size and not self._closed:
                    # give producers up to flush_interval to fill a batch, unless a flush is waiting
                    self._wake.wait(self.flush_interval)
                if not self._queue:
                    if self._closed:
                        return
                    self._idle.notify_all()
                    continue
                batch = self._queue[: self.batch_size]
                del self._queue[: self.batch_size]
                self._in_flight += 1
            try:
                self._send(batch)
            except Exception:  # never let the sender die
                pass
            finally:
                with self._lock:
                    self._in_flight -= 1
                    self._idle.notify_all()

    def _send(self, batch: List[Json]) -> None:
        pending = batch
        attempt = 0
        while pending:
            try:
                answer = self._http.request("POST", "/v1/batch", {"batch": pending})
            except ConfabError as e:
                self._report(e, pending)
                return
            results = {r.get("id"): r for r in (answer or {}).get("results", [])}
            retry: List[Json] = []
            for item in pending:
                r = results.get(item["id"])
                status = int(r.get("status", 0)) if r else 0
                if r is None or status == 429 or status >= 500:
                    retry.append(item)
                elif status >= 400:
                    err = r.get("error") or {}
                    self._report(ConfabError(status, err.get("code", "error"), err.get("message", ""),
                                             err.get("details")), [item])
            if not retry:
                return
            if attempt >= self._http.retries:
                self._report(ConfabError(0, "retries_exhausted", "items not accepted after retries"), retry)
                return
            time.sleep(min(self._http.max_delay, self._http.base_delay * (2 ** attempt)))
            attempt += 1
            pending = retry

    def _report(self, error: ConfabError, items: List[Json]) -> None:
        if self.on_error is not None:
            try:
                self.on_error(error, items)
            except Exception:
                pass
