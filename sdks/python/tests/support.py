"""Test support: the Confab server under test (CONFAB_BASE_URL, CONFAB_API_KEY), reads of its API, and a
fault-injecting HTTP proxy placed between the client and that server."""

from __future__ import annotations

import http.client
import http.server
import json
import os
import threading
import time
import unittest
import urllib.error
import urllib.parse
import urllib.request
import uuid
from typing import Any, Callable, Dict, List, Optional, Tuple

BASE_URL = os.environ.get("CONFAB_BASE_URL", "").rstrip("/")
API_KEY = os.environ.get("CONFAB_API_KEY", "")


class ServerTestCase(unittest.TestCase):
    """Fails (never skips) without a server: `npx tsx scripts/ci/python-sdk.ts` starts one and sets the env."""

    def setUp(self) -> None:
        if not BASE_URL or not API_KEY:
            self.fail("Set CONFAB_BASE_URL and CONFAB_API_KEY (an ingest+read key) to a running Confab; "
                      "scripts/ci/python-sdk.ts starts one and runs these tests")
        # A fresh avatar per test, so analytics read back by avatar see only this test's data.
        self.avatar = unique("avt-py")


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def api_get(path: str, params: Optional[Dict[str, str]] = None) -> Any:
    url = BASE_URL + path + ("?" + urllib.parse.urlencode(params) if params else "")
    req = urllib.request.Request(url, headers={"Authorization": f"Bearer {API_KEY}", "Accept": "application/json"})
    for attempt in range(10):
        try:
            with urllib.request.urlopen(req, timeout=30) as res:
                return json.loads(res.read())
        except urllib.error.HTTPError as e:
            if e.code == 429 and attempt < 9:  # the tests share one key's rate limit with the client
                time.sleep(float(e.headers.get("Retry-After") or 1))
                continue
            raise


def conversation(conversation_id: str) -> Dict[str, Any]:
    """GET /v1/conversations/{id}: the stored transcript."""
    return api_get("/v1/conversations/" + urllib.parse.quote(conversation_id, safe=""))


def conversation_or_none(conversation_id: str) -> Optional[Dict[str, Any]]:
    try:
        return conversation(conversation_id)
    except urllib.error.HTTPError as e:
        if e.code == 404:
            return None
        raise


def overview(avatar_id: str) -> Dict[str, Any]:
    """GET /v1/analytics/overview for one avatar over the last day."""
    return api_get("/v1/analytics/overview", {"period": "1d", "avatarId": avatar_id})


def wait_for(predicate: Callable[[], Any], timeout: float = 10.0, interval: float = 0.05) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        time.sleep(interval)


# A fault is what the proxy does with one request: "pass" forwards it; "drop_before" closes the connection
# without forwarding; "drop_after" forwards it (the server applies it) and closes the connection without
# answering; (status, headers) answers that status itself without forwarding.
Fault = Any


class FaultProxy:
    """An HTTP proxy on 127.0.0.1 in front of the Confab server that records every request and applies the
    queued faults to the next requests, in order."""

    def __init__(self, faults: Optional[List[Fault]] = None) -> None:
        upstream = urllib.parse.urlsplit(BASE_URL)
        self.upstream: Tuple[str, int] = (upstream.hostname or "127.0.0.1", upstream.port or 80)
        self.faults: List[Fault] = list(faults or [])
        self.requests: List[Dict[str, Any]] = []
        self.lock = threading.Lock()
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                proxy._handle(self)

            def do_GET(self) -> None:
                proxy._handle(self)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def __enter__(self) -> "FaultProxy":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def batches(self) -> List[List[Dict[str, Any]]]:
        """The items of each POST /v1/batch received (dropped ones included)."""
        with self.lock:
            return [json.loads(r["body"])["batch"] for r in self.requests if r["path"] == "/v1/batch"]

    def _handle(self, h: http.server.BaseHTTPRequestHandler) -> None:
        length = int(h.headers.get("Content-Length") or 0)
        body = h.rfile.read(length) if length else b""
        with self.lock:
            fault = self.faults.pop(0) if self.faults else "pass"
            self.requests.append({"method": h.command, "path": h.path, "body": body, "fault": fault,
                                  "at": time.monotonic()})
        h.close_connection = True
        if fault == "drop_before":
            return
        if isinstance(fault, tuple):
            status, headers = fault
            payload = json.dumps({"error": {"code": "injected", "message": f"injected {status}"}}).encode()
            h.send_response(status)
            for name, value in headers.items():
                h.send_header(name, value)
            h.send_header("Content-Type", "application/json")
            h.send_header("Content-Length", str(len(payload)))
            h.send_header("Connection", "close")
            h.end_headers()
            h.wfile.write(payload)
            return
        conn = http.client.HTTPConnection(*self.upstream, timeout=60)
        try:
            headers = {k: v for k, v in h.headers.items() if k.lower() not in ("host", "connection")}
            conn.request(h.command, h.path, body=body or None, headers=headers)
            res = conn.getresponse()
            data = res.read()
        finally:
            conn.close()
        if fault == "drop_after":
            return  # the server applied it; the client never hears back
        h.send_response(res.status)
        for name, value in res.getheaders():
            if name.lower() not in ("transfer-encoding", "connection", "content-length"):
                h.send_header(name, value)
        h.send_header("Content-Length", str(len(data)))
        h.send_header("Connection", "close")
        h.end_headers()
        h.wfile.write(data)
