"""Pieces of the client that need no server."""

import datetime as dt
import json
import os
import unittest
from unittest import mock

from confab import Confab, ConfabError
from confab._transport import parse_retry_after
from confab.client import _ConversationClock, _encode, _iso
from confab.errors import error_from_body


class OfflineTest(unittest.TestCase):
    def test_times_are_utc_iso_with_milliseconds(self) -> None:
        aware = dt.datetime(2024, 5, 1, 14, 0, 0, 123456, tzinfo=dt.timezone(dt.timedelta(hours=2)))
        self.assertEqual(_iso(aware), "2024-05-01T12:00:00.123Z")
        self.assertEqual(_iso(dt.date(2024, 5, 1)), "2024-05-01T00:00:00.000Z")
        self.assertEqual(_iso(1714564800), "2024-05-01T12:00:00.000Z")
        self.assertEqual(_iso("2024-05-01T12:00:00+02:00"), "2024-05-01T12:00:00+02:00")
        self.assertIsNone(_iso(None))
        with self.assertRaises(TypeError):
            _iso(True)  # type: ignore[arg-type]

    def test_stamps_increase_per_conversation(self) -> None:
        clock = _ConversationClock()
        stamps = [clock.stamp("c1") for _ in range(50)]
        self.assertEqual(len(set(stamps)), 50)
        self.assertEqual(sorted(stamps), stamps)
        self.assertEqual(len(clock.stamp(None)), len("2024-05-01T12:00:00.000Z"))

    def test_retry_after_seconds_and_dates(self) -> None:
        self.assertEqual(parse_retry_after("3"), 3.0)
        self.assertEqual(parse_retry_after(" 1.5 "), 1.5)
        self.assertIsNone(parse_retry_after(None))
        self.assertIsNone(parse_retry_after("soon"))
        self.assertAlmostEqual(parse_retry_after("Wed, 21 Oct 2015 07:28:10 GMT", now=1445412480.0), 10.0)
        self.assertEqual(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412490.0), 0.0)

    def test_error_shape(self) -> None:
        e = error_from_body(422, b'{"error":{"code":"validation_error","message":"Invalid","details":[{"path":"role"}]}}')
        self.assertEqual((e.status, e.code, e.message, e.details), (422, "validation_error", "Invalid", [{"path": "role"}]))
        self.assertEqual(error_from_body(502, b"<html>bad gateway</html>").code, "http_502")
        self.assertIsInstance(e, Exception)
        self.assertEqual(ConfabError(400, "bad_request", "x").details, None)

    def test_json_encoding(self) -> None:
        data = json.loads(_encode({"at": dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc), "tags": ("a", "b"), "n": None}))
        self.assertEqual(data, {"at": "2024-01-01T00:00:00.000Z", "tags": ["a", "b"], "n": None})
        with self.assertRaises(ValueError):
            _encode({"x": float("nan")})

    def test_constructor_checks(self) -> None:
        with mock.patch.dict(os.environ, {"CONFAB_API_KEY": ""}), self.assertRaises(ValueError):
            Confab("", "http://localhost:1", sync=True)
        with mock.patch.dict(os.environ, {"CONFAB_API_KEY": "from-env", "CONFAB_BASE_URL": "http://h:1/"}):
            client = Confab(sync=True)
            self.assertEqual((client._transport.api_key, client.base_url), ("from-env", "http://h:1"))
        with self.assertRaises(ValueError):
            Confab("k", "localhost:3000", sync=True)
        with self.assertRaises(ValueError):
            Confab("k", "http://localhost:1", batch_size=0, sync=True)

    def test_closed_client_refuses_calls(self) -> None:
        client = Confab("k", "http://127.0.0.1:9")
        self.assertTrue(client.close(1))
        with self.assertRaises(RuntimeError):
            client.track("x")

    def test_network_errors_are_reported_with_the_items(self) -> None:
        errors = []
        client = Confab("k", "http://127.0.0.1:9", retries=1, retry_base_delay=0.01, on_error=errors.append)
        item_id = client.track("x", {"a": 1})
        self.assertTrue(client.flush(10))
        client.close()
        self.assertEqual(len(errors), 1)
        self.assertEqual((errors[0].status, errors[0].code), (0, "network_error"))
        self.assertEqual([i["id"] for i in errors[0].items], [item_id])
        with self.assertRaises(ConfabError) as raised:
            Confab("k", "http://127.0.0.1:9", retries=0, sync=True).track("x")
        self.assertEqual(raised.exception.status, 0)


if __name__ == "__main__":
    unittest.main()
