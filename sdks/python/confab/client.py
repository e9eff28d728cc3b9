"""The Confab client: calls queued and sent through ``POST /v1/batch`` by a background thread, or sent
one by one (``sync=True`` / ``client.sync``), with errors raised as :class:`ConfabError`."""

from __future__ import annotations

import atexit
import collections
import datetime as _dt
import json
import logging
import os
import threading
import time
import urllib.parse
import uuid
from typing import Any, Callable, Dict, Mapping, Optional, Union

from ._batcher import MAX_BATCH_ITEMS, BatchSender
from ._transport import Transport
from .errors import ConfabError

__all__ = ["Confab", "ConfabError", "SyncClient", "DateInput"]

#: A time: an aware ``datetime`` (a naive one is read as local time, as ``datetime.astimezone`` does),
#: a ``date`` (midnight UTC), Unix seconds, or an ISO 8601 string with a timezone (sent as given).
DateInput = Union[_dt.datetime, _dt.date, int, float, str, None]
Json = Dict[str, Any]

DEFAULT_BASE_URL = "http://localhost:3000"
DEFAULT_AVATAR_ID = "default"

log = logging.getLogger("confab")


def _iso(value: DateInput) -> Optional[str]:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        raise TypeError("a time must be a datetime, a date, Unix seconds or an ISO 8601 string, not a bool")
    if isinstance(value, (int, float)):
        value = _dt.datetime.fromtimestamp(value, _dt.timezone.utc)
    elif not isinstance(value, _dt.datetime):
        if isinstance(value, _dt.date):
            value = _dt.datetime(value.year, value.month, value.day, tzinfo=_dt.timezone.utc)
        else:
            raise TypeError(f"a time must be a datetime, a date, Unix seconds or an ISO 8601 string, not {value!r}")
    utc = value.astimezone(_dt.timezone.utc)
    return utc.isoformat(timespec="milliseconds").replace("+00:00", "Z")


_EPOCH = _dt.datetime(1970, 1, 1, tzinfo=_dt.timezone.utc)


def _ms_iso(ms: int) -> str:
    # Integer arithmetic: fromtimestamp(ms / 1000) can land a microsecond short and print the previous ms.
    at = _EPOCH + _dt.timedelta(milliseconds=ms)
    return at.isoformat(timespec="milliseconds").replace("+00:00", "Z")


class _ConversationClock:
    """Queued-time stamps in milliseconds (what Confab stores), strictly increasing per conversation: two
    calls in the same millisecond would otherwise tie, and the transcript would order them by id."""

    _MAX = 10_000

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._last: "collections.OrderedDict[str, int]" = collections.OrderedDict()

    def stamp(self, conversation_id: Optional[str]) -> str:
        ms = int(time.time() * 1000)
        if conversation_id is None:
            return _ms_iso(ms)
        with self._lock:
            last = self._last.pop(conversation_id, None)
            if last is not None and ms <= last:
                ms = last + 1
            self._last[conversation_id] = ms
            if len(self._last) > self._MAX:
                self._last.popitem(last=False)
        return _ms_iso(ms)


def _json_default(value: Any) -> Any:
    if isinstance(value, (_dt.datetime, _dt.date)):
        return _iso(value)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def _encode(value: Any) -> bytes:
    # allow_nan=False: NaN and Infinity are not JSON, and the API would answer 400 for the whole batch.
    return json.dumps(value, default=_json_default, ensure_ascii=False, allow_nan=False,
                      separators=(",", ":")).encode("utf-8")


def _compact(body: Mapping[str, Any]) -> Json:
    return {k: v for k, v in body.items() if v is not None}


def _path(conversation_id: str, action: str) -> str:
    return f"/v1/conversations/{urllib.parse.quote(conversation_id, safe='')}/{action}"


def _new_id() -> str:
    return str(uuid.uuid4())


class _Bodies:
    """Turns the Python calls into the REST bodies of DESIGN §4 (shared by the queued and the sync client)."""

    default_avatar_id: str

    def _conversation(self, conversation_id: str, customer_id: Optional[str], customer_ip_address: Optional[str],
                      device: Optional[str], source: Optional[str], language: Optional[str],
                      metadata: Optional[Json], avatar_id: Optional[str], user_agent: Optional[str],
                      started_at: DateInput) -> Json:
        return _compact({
            "id": conversation_id, "avatarId": avatar_id or self.default_avatar_id, "customerId": customer_id,
            "customerIpAddress": customer_ip_address, "device": device, "source": source,
            "language": language, "userAgent": user_agent, "metadata": metadata, "startedAt": _iso(started_at),
        })

    @staticmethod
    def _message(role: str, content: str, message_id: Optional[str], created_at: DateInput,
                 prompt_tokens: Optional[int], completion_tokens: Optional[int], metadata: Optional[Json]) -> Json:
        tokens = _compact({"prompt": prompt_tokens, "completion": completion_tokens}) or None
        return _compact({"id": message_id, "role": role, "content": content, "createdAt": _iso(created_at),
                         "tokens": tokens, "metadata": metadata})

    @staticmethod
    def _action(name: str, duration_ms: Optional[int], status: Optional[str], input: Any, output: Any,
                started_at: DateInput, action_id: Optional[str]) -> Json:
        return _compact({"id": action_id, "name": name, "startedAt": _iso(started_at), "durationMs": duration_ms,
                         "status": status, "input": input, "output": output})

    @staticmethod
    def _end(feedback: Any, escalated: Optional[bool], metadata: Optional[Json], ended_at: DateInput) -> Json:
        return _compact({"endedAt": _iso(ended_at), "feedback": feedback, "escalated": escalated,
                         "metadata": metadata})

    @staticmethod
    def _event(event_name: str, properties: Optional[Json], conversation_id: Optional[str],
               avatar_id: Optional[str], timestamp: DateInput = None) -> Json:
        return _compact({"name": event_name, "properties": properties, "conversationId": conversation_id,
                         "avatarId": avatar_id, "timestamp": _iso(timestamp)})


class SyncClient(_Bodies):
    """Sends every call at once and returns the API's JSON answer.

    Raises :class:`ConfabError` on a 4xx answer (``422`` validation, ``401`` key, ``403`` scope, …), and on
    429, 5xx or network errors once the retries are spent. Ids are filled in before the first attempt,
    so a retry after a lost answer never writes twice. Get one as ``client.sync`` or ``Confab(…, sync=True)``."""

    def __init__(self, transport: Transport, default_avatar_id: str = DEFAULT_AVATAR_ID) -> None:
        self._transport = transport
        self.default_avatar_id = default_avatar_id

    def _post(self, path: str, body: Json) -> Any:
        return self._transport.post(path, _encode(body))

    def get_or_create_conversation(self, conversation_id: str, customer_id: Optional[str] = None,
                                   customer_ip_address: Optional[str] = None, device: Optional[str] = None,
                                   source: Optional[str] = None, language: Optional[str] = None,
                                   metadata: Optional[Json] = None, avatar_id: Optional[str] = None,
                                   user_agent: Optional[str] = None, started_at: DateInput = None) -> Any:
        """``POST /v1/conversations``: gets or creates the conversation (it counts as an interaction).

        Returns ``{"conversation": {...}, "created": bool}`` (201 new / 200 existing)."""
        return self._post("/v1/conversations", self._conversation(
            conversation_id, customer_id, customer_ip_address, device, source, language, metadata,
            avatar_id, user_agent, started_at))

    def initialize_conversation(self, conversation_id: str, customer_id: Optional[str] = None,
                                customer_ip_address: Optional[str] = None, device: Optional[str] = None,
                                source: Optional[str] = None, language: Optional[str] = None,
                                metadata: Optional[Json] = None, avatar_id: Optional[str] = None,
                                user_agent: Optional[str] = None, started_at: DateInput = None) -> Any:
        """``POST /v1/conversations/initialize``: starts the conversation as a visit that has not interacted
        yet; a later get-or-create, message or action with the same id makes it one unique interaction."""
        return self._post("/v1/conversations/initialize", self._conversation(
            conversation_id, customer_id, customer_ip_address, device, source, language, metadata,
            avatar_id, user_agent, started_at))

    def track_message(self, conversation_id: str, role: str, content: str, *, message_id: Optional[str] = None,
                      created_at: DateInput = None, prompt_tokens: Optional[int] = None,
                      completion_tokens: Optional[int] = None, metadata: Optional[Json] = None) -> Any:
        """``POST /v1/conversations/{id}/messages``: one message, ``role`` ``"user"``, ``"assistant"`` or
        ``"system"``; ``created_at`` defaults to the server's time of arrival."""
        body = self._message(role, content, message_id or _new_id(), created_at, prompt_tokens,
                             completion_tokens, metadata)
        return self._post(_path(conversation_id, "messages"), body)

    def track_action(self, conversation_id: str, name: str, *, duration_ms: Optional[int] = None,
                     status: Optional[str] = None, input: Any = None, output: Any = None,
                     started_at: DateInput = None, action_id: Optional[str] = None) -> Any:
        """``POST /v1/conversations/{id}/actions``: a tool call; names in the workspace's escalation list
        (``fallback_to_human``, ``open_ticket``, ``ticket``, ``contact_human`` by default) are escalations."""
        body = self._action(name, duration_ms, status, input, output, started_at, action_id or _new_id())
        return self._post(_path(conversation_id, "actions"), body)

    def end_conversation(self, conversation_id: str, *, feedback: Any = None, escalated: Optional[bool] = None,
                         metadata: Optional[Json] = None, ended_at: DateInput = None) -> Any:
        """``POST /v1/conversations/{id}/end``: ends the conversation, with optional ``feedback``
        (``"positive"``/``"negative"``, a 1-5 rating, a thumbs-up boolean, or ``{"rating", "value"}``) and
        ``escalated``."""
        return self._post(_path(conversation_id, "end"), self._end(feedback, escalated, metadata, ended_at))

    def track(self, event_name: str, properties: Optional[Json] = None, *, conversation_id: Optional[str] = None,
              avatar_id: Optional[str] = None) -> Any:
        """``POST /v1/events``: a custom event (``analytics.track``), optionally tied to a conversation or
        avatar; event goals match on its name and properties."""
        body = self._event(event_name, properties, conversation_id, avatar_id)
        body["id"] = _new_id()
        return self._post("/v1/events", body)


def _log_error(error: ConfabError) -> None:
    log.warning("confab: %s (%d item(s) dropped)", error, len(error.items))


class Confab(_Bodies):
    """The Confab client.

    Each call is queued, stamped with the time it was queued, and sent with others through
    ``POST /v1/batch`` by a background thread: as soon as ``batch_size`` calls are waiting, else at most
    ``flush_interval`` seconds after the first of them. A call returns at once (with the id of its batch
    item) and never raises for the network or the server: failures are retried — network errors, ``429``
    (``Retry-After`` honoured) and ``5xx``, up to ``retries`` times with exponential backoff, each item
    keeping its id so a retry never writes twice — and what still fails is passed to ``on_error``
    (default: a warning on the ``confab`` logger).

    ``flush()`` waits until everything queued is sent; ``close()`` flushes and stops the thread, and runs
    by itself at interpreter exit (for at most ``exit_timeout`` seconds) and at the end of a ``with``
    block. With ``sync=True`` every call is sent at once and raises :class:`ConfabError`, exactly as
    through ``client.sync``.

    Args:
        api_key: an API key with the ``ingest`` scope (default: ``$CONFAB_API_KEY``).
        base_url: where Confab runs (default: ``$CONFAB_BASE_URL``, else ``http://localhost:3000``).
        batch_size: items per request, 1 to 1,000.
        flush_interval: seconds a queued call may wait for others.
        retries: retries after the first attempt.
        timeout: seconds per HTTP request.
        sync: send each call at once and raise :class:`ConfabError`.
        avatar_id: the avatar of conversations created without ``avatar_id``.
        on_error: called with each :class:`ConfabError` of queued calls (``error.items`` names them).
        exit_timeout: the most seconds the exit handler waits for the queue to drain.
        retry_base_delay, retry_max_delay: the first and the largest backoff delay, in seconds.
    """

    def __init__(self, api_key: Optional[str] = None, base_url: Optional[str] = None, *, batch_size: int = 100,
                 flush_interval: float = 1.0, retries: int = 5, timeout: float = 10, sync: bool = False,
                 avatar_id: str = DEFAULT_AVATAR_ID, on_error: Optional[Callable[[ConfabError], None]] = None,
                 exit_timeout: float = 10.0, retry_base_delay: float = 0.2, retry_max_delay: float = 10.0) -> None:
        api_key = api_key or os.environ.get("CONFAB_API_KEY")
        if not api_key:
            raise ValueError("Confab: an API key is required (pass api_key or set CONFAB_API_KEY)")
        base_url = base_url or os.environ.get("CONFAB_BASE_URL") or DEFAULT_BASE_URL
        if not base_url.startswith(("http://", "https://")):
            raise ValueError(f"Confab: base_url must start with http:// or https://, not {base_url!r}")
        if not 1 <= batch_size <= MAX_BATCH_ITEMS:
            raise ValueError(f"Confab: batch_size must be between 1 and {MAX_BATCH_ITEMS}")
        self.base_url = base_url.rstrip("/")
        self.default_avatar_id = avatar_id
        self._transport = Transport(api_key, base_url, retries=retries, timeout=timeout,
                                    base_delay=retry_base_delay, max_delay=retry_max_delay)
        #: The same calls, sent at once; they return the API's answer and raise :class:`ConfabError`.
        self.sync = SyncClient(self._transport, avatar_id)
        self._sync_mode = bool(sync)
        self.on_error = on_error
        self.exit_timeout = exit_timeout
        self._sender = BatchSender(self._transport, self._report, batch_size=batch_size,
                                   flush_interval=flush_interval, encode=_encode)
        self._clock = _ConversationClock()
        self._closed = False
        self._close_lock = threading.Lock()
        if not self._sync_mode:
            atexit.register(self._at_exit)

    # --- the tracking calls -------------------------------------------------------------------------

    def get_or_create_conversation(self, conversation_id: str, customer_id: Optional[str] = None,
                                   customer_ip_address: Optional[str] = None, device: Optional[str] = None,
                                   source: Optional[str] = None, language: Optional[str] = None,
                                   metadata: Optional[Json] = None, avatar_id: Optional[str] = None,
                                   user_agent: Optional[str] = None, started_at: DateInput = None) -> Any:
        """Gets or creates a conversation (``POST /v1/conversations``); it counts as an interaction.

        Args:
            conversation_id: your id for the conversation (unique in the workspace).
            customer_id: your id for the user (the dashboard's unique users).
            customer_ip_address: the user's IP; only the country derived from it is stored (world map).
            device: ``"desktop"``, ``"tablet"`` or ``"mobile"`` (else parsed from ``user_agent``).
            source: the channel (``"web"``, ``"whatsapp"``, …).
            language: a language tag (``"en"``); else detected from the user's messages.
            metadata: a JSON object kept with the conversation (``metadata["feedback"]`` counts as feedback).
            avatar_id: the avatar (agent) it belongs to; default: the client's ``avatar_id``.
            user_agent: the browser's user agent, for the device when ``device`` is not given.
            started_at: when it started; default: the time of this call.

        Returns the batch item id (``sync``: the API's answer)."""
        if self._sync_mode:
            return self.sync.get_or_create_conversation(conversation_id, customer_id, customer_ip_address, device,
                                                        source, language, metadata, avatar_id, user_agent, started_at)
        return self._add("conversation", conversation_id, lambda item_id, now: self._conversation(
            conversation_id, customer_id, customer_ip_address, device, source, language, metadata, avatar_id,
            user_agent, started_at))

    def initialize_conversation(self, conversation_id: str, customer_id: Optional[str] = None,
                                customer_ip_address: Optional[str] = None, device: Optional[str] = None,
                                source: Optional[str] = None, language: Optional[str] = None,
                                metadata: Optional[Json] = None, avatar_id: Optional[str] = None,
                                user_agent: Optional[str] = None, started_at: DateInput = None) -> Any:
        """Starts a conversation as a visit that has not interacted yet
        (``POST /v1/conversations/initialize``), e.g. when the chat widget opens. A later
        :meth:`get_or_create_conversation` (or a message or action) with the same id makes it one unique
        interaction. Takes the same arguments as :meth:`get_or_create_conversation`.

        Returns the batch item id (``sync``: the API's answer)."""
        if self._sync_mode:
            return self.sync.initialize_conversation(conversation_id, customer_id, customer_ip_address, device,
                                                     source, language, metadata, avatar_id, user_agent, started_at)
        return self._add("conversation.initialize", conversation_id, lambda item_id, now: self._conversation(
            conversation_id, customer_id, customer_ip_address, device, source, language, metadata, avatar_id,
            user_agent, started_at))

    def track_message(self, conversation_id: str, role: str, content: str, *, message_id: Optional[str] = None,
                      created_at: DateInput = None, prompt_tokens: Optional[int] = None,
                      completion_tokens: Optional[int] = None, metadata: Optional[Json] = None) -> Any:
        """Records a message (``POST /v1/conversations/{id}/messages``).

        Args:
            conversation_id: the conversation (created on the fly if Confab has not heard of it).
            role: ``"user"``, ``"assistant"`` or ``"system"``.
            content: the text.
            message_id: your id for it (idempotency); default: the batch item id.
            created_at: when it was said; default: the time of this call, so response times are exact
                however long the call waits in the queue.
            prompt_tokens, completion_tokens: the model's token usage for it.
            metadata: a JSON object kept with the message.

        Returns the batch item id (``sync``: the API's answer)."""
        if self._sync_mode:
            return self.sync.track_message(conversation_id, role, content, message_id=message_id,
                                           created_at=created_at, prompt_tokens=prompt_tokens,
                                           completion_tokens=completion_tokens, metadata=metadata)

        def body(item_id: str, now: str) -> Json:
            b = self._message(role, content, message_id or item_id, created_at or now, prompt_tokens,
                              completion_tokens, metadata)
            b["conversationId"] = conversation_id
            return b

        return self._add("message", conversation_id, body)

    def track_action(self, conversation_id: str, name: str, *, duration_ms: Optional[int] = None,
                     status: Optional[str] = None, input: Any = None, output: Any = None,
                     started_at: DateInput = None, action_id: Optional[str] = None) -> Any:
        """Records a tool call (``POST /v1/conversations/{id}/actions``): the dashboard's tool usage and
        durations. Names in the workspace's escalation list (default ``fallback_to_human``,
        ``open_ticket``, ``ticket``, ``contact_human``) count as an escalation to a human.

        Args:
            conversation_id: the conversation.
            name: the tool's name.
            duration_ms: how long it ran.
            status: e.g. ``"ok"`` or ``"error"``.
            input, output: any JSON values.
            started_at: when it started; default: the time of this call.
            action_id: your id for it (idempotency); default: the batch item id.

        Returns the batch item id (``sync``: the API's answer)."""
        if self._sync_mode:
            return self.sync.track_action(conversation_id, name, duration_ms=duration_ms, status=status,
                                          input=input, output=output, started_at=started_at, action_id=action_id)

        def body(item_id: str, now: str) -> Json:
            b = self._action(name, duration_ms, status, input, output, started_at, action_id or item_id)
            b["conversationId"] = conversation_id
            return b

        return self._add("action", conversation_id, body)

    def end_conversation(self, conversation_id: str, *, feedback: Any = None, escalated: Optional[bool] = None,
                         metadata: Optional[Json] = None, ended_at: DateInput = None) -> Any:
        """Ends a conversation (``POST /v1/conversations/{id}/end``); without it, Confab ends it after the
        workspace's inactivity timeout.

        Args:
            conversation_id: the conversation.
            feedback: ``"positive"``, ``"negative"``, a 1-5 rating, a thumbs-up boolean, or
                ``{"rating": 4, "value": "…"}``.
            escalated: True when it was handed to a human.
            metadata: merged into the conversation's metadata (``metadata["feedback"]`` counts as feedback).
            ended_at: when it ended; default: the time of this call.

        Returns the batch item id (``sync``: the API's answer)."""
        if self._sync_mode:
            return self.sync.end_conversation(conversation_id, feedback=feedback, escalated=escalated,
                                              metadata=metadata, ended_at=ended_at)

        def body(item_id: str, now: str) -> Json:
            b = self._end(feedback, escalated, metadata, ended_at or now)
            b["conversationId"] = conversation_id
            return b

        return self._add("conversation.end", conversation_id, body)

    def track(self, event_name: str, properties: Optional[Json] = None, *, conversation_id: Optional[str] = None,
              avatar_id: Optional[str] = None) -> Any:
        """Records a custom event (``POST /v1/events``), like ``analytics.track``: e.g.
        ``track("order_placed", {"value": 42}, conversation_id=cid)``. Event goals match on it.

        Returns the batch item id (``sync``: the API's answer)."""
        if self._sync_mode:
            return self.sync.track(event_name, properties, conversation_id=conversation_id, avatar_id=avatar_id)

        def body(item_id: str, now: str) -> Json:
            b = self._event(event_name, properties, conversation_id, avatar_id, now)
            b["id"] = item_id
            return b

        return self._add("event", conversation_id, body)

    # --- delivery -----------------------------------------------------------------------------------

    def flush(self, timeout: Optional[float] = None) -> bool:
        """Sends every call queued so far and blocks until each is sent or reported to ``on_error``.
        Returns False if ``timeout`` seconds ran out first (the calls stay queued)."""
        if self._sync_mode:
            return True
        return self._sender.flush(timeout)

    def close(self, timeout: Optional[float] = None) -> bool:
        """Flushes the queue and stops the background thread; later calls raise ``RuntimeError``.
        Runs by itself at interpreter exit and at the end of a ``with`` block. Safe to call twice.
        Returns False if ``timeout`` seconds ran out before the queue was sent."""
        with self._close_lock:
            already = self._closed
            self._closed = True
        if not already and not self._sync_mode:
            try:
                atexit.unregister(self._at_exit)
            except Exception:  # pragma: no cover - interpreter shutting down
                pass
        if self._sync_mode:
            return True
        return self._sender.close(timeout)

    @property
    def pending(self) -> int:
        """Calls queued or being sent."""
        return self._sender.pending()

    def __enter__(self) -> "Confab":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # --- internals ----------------------------------------------------------------------------------

    def _at_exit(self) -> None:
        if not self.close(self.exit_timeout):
            left = self._sender.pending()
            log.warning("confab: exiting with %d call(s) not yet sent after %s s", left, self.exit_timeout)

    def _add(self, type_: str, conversation_id: Optional[str], build: Callable[[str, str], Json]) -> str:
        if self._closed:
            raise RuntimeError("The Confab client is closed")
        item_id = _new_id()
        now = self._clock.stamp(conversation_id)
        # Serialised now: later changes to a caller's dict (metadata, input, …) cannot leak into it.
        self._sender.add({"id": item_id, "type": type_, "timestamp": now, "body": build(item_id, now)})
        return item_id

    def _report(self, error: ConfabError) -> None:
        handler = self.on_error or _log_error
        try:
            handler(error)
        except Exception:  # a throwing handler must not break the queue
            log.exception("confab: on_error raised")
