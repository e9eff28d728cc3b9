"""The client against a real Confab server: every call read back through GET /v1/conversations/{id},
unique interactions on the Overview, batching, retries without duplicates, flush at exit, errors and
threads. Needs CONFAB_BASE_URL and CONFAB_API_KEY (scripts/ci/python-sdk.ts sets them)."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import textwrap
import threading
import time
import unittest
from pathlib import Path
from typing import Any, Dict, List

from confab import Confab, ConfabError

from .support import API_KEY, BASE_URL, FaultProxy, ServerTestCase, conversation, conversation_or_none, overview, unique, wait_for

PACKAGE_DIR = Path(__file__).resolve().parent.parent
FAST = {"retry_base_delay": 0.05, "retry_max_delay": 0.5}


def parse_time(s: str) -> dt.datetime:
    return dt.datetime.fromisoformat(s.replace("Z", "+00:00"))


class EveryMethodTest(ServerTestCase):
    def _track_everything(self, client: Any, cid: str) -> Dict[str, Any]:
        t0 = dt.datetime.now(dt.timezone.utc).replace(microsecond=0) - dt.timedelta(minutes=5)
        client.get_or_create_conversation(
            cid, customer_id="cust-1", customer_ip_address="8.8.8.8", device="mobile", source="whatsapp",
            language="de", metadata={"plan": "pro"}, avatar_id=self.avatar,
            user_agent="Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)", started_at=t0)
        client.track_message(cid, "user", "Hallo, wo ist meine Bestellung?", message_id=f"{cid}-m1",
                             created_at=t0 + dt.timedelta(seconds=1), metadata={"channel": "chat"})
        client.track_message(cid, "assistant", "Sie ist unterwegs.", message_id=f"{cid}-m2",
                             created_at=t0 + dt.timedelta(seconds=3), prompt_tokens=120, completion_tokens=30)
        client.track_action(cid, "lookup_order", duration_ms=250, status="ok", input={"order": 7},
                            output={"state": "shipped"}, started_at=t0 + dt.timedelta(seconds=2),
                            action_id=f"{cid}-a1")
        client.track_action(cid, "fallback_to_human", started_at=t0 + dt.timedelta(seconds=4))
        client.track("order_viewed", {"order": 7}, conversation_id=cid, avatar_id=self.avatar)
        client.end_conversation(cid, feedback="positive", metadata={"resolved": True},
                                ended_at=t0 + dt.timedelta(seconds=10))
        return {"t0": t0}

    def _check_everything(self, cid: str, t0: dt.datetime) -> None:
        c = conversation(cid)
        self.assertEqual(c["id"], cid)
        self.assertEqual(c["avatarId"], self.avatar)
        self.assertEqual(c["customerId"], "cust-1")
        self.assertEqual(c["country"], "US")
        self.assertEqual((c["device"], c["source"], c["language"]), ("mobile", "whatsapp", "de"))
        self.assertEqual(c["metadata"], {"plan": "pro", "resolved": True})
        self.assertEqual(parse_time(c["startedAt"]), t0)
        self.assertEqual(c["status"], "ended")
        self.assertEqual(parse_time(c["endedAt"]), t0 + dt.timedelta(seconds=10))
        self.assertEqual(c["duration"], 10)
        self.assertEqual(c["feedback"], "positive")
        self.assertTrue(c["escalated"])
        self.assertEqual(c["tokens"], {"prompt": 120, "completion": 30, "total": 150})
        m1, m2 = c["messages"]
        self.assertEqual((m1["id"], m1["role"], m1["content"]), (f"{cid}-m1", "user", "Hallo, wo ist meine Bestellung?"))
        self.assertEqual(m1["metadata"], {"channel": "chat"})
        self.assertEqual(parse_time(m1["createdAt"]), t0 + dt.timedelta(seconds=1))
        self.assertEqual((m2["id"], m2["role"], m2["tokens"]), (f"{cid}-m2", "assistant", {"prompt": 120, "completion": 30}))
        self.assertEqual(m2["responseTimeMs"], 2000)
        actions = {a["name"]: a for a in c["actions"]}
        lookup = actions["lookup_order"]
        self.assertEqual((lookup["id"], lookup["durationMs"], lookup["status"]), (f"{cid}-a1", 250, "ok"))
        self.assertEqual((lookup["input"], lookup["output"]), ({"order": 7}, {"state": "shipped"}))
        self.assertEqual(parse_time(lookup["startedAt"]), t0 + dt.timedelta(seconds=2))
        self.assertFalse(lookup["isEscalation"])
        self.assertTrue(actions["fallback_to_human"]["isEscalation"])
        self.assertEqual([(e["name"], e["properties"]) for e in c["events"]], [("order_viewed", {"order": 7})])

    def test_queued_calls_are_stored(self) -> None:
        cid = unique("conv-queued")
        errors: List[ConfabError] = []
        with Confab(API_KEY, BASE_URL, on_error=errors.append, **FAST) as client:
            t0 = self._track_everything(client, cid)["t0"]
            self.assertTrue(client.flush(30))
        self.assertEqual(errors, [])
        self._check_everything(cid, t0)

    def test_sync_calls_are_stored_and_answer(self) -> None:
        for name, make in (("sync-mode", lambda: Confab(API_KEY, BASE_URL, sync=True)),
                           ("client.sync", lambda: Confab(API_KEY, BASE_URL).sync)):
            with self.subTest(name):
                cid = unique("conv-" + name.replace(".", "-"))
                client = make()
                t0 = self._track_everything(client, cid)["t0"]
                self._check_everything(cid, t0)
                again = client.get_or_create_conversation(cid, avatar_id=self.avatar)
                self.assertEqual(again["id"], cid)

    def test_default_ids_and_queued_time_stamps(self) -> None:
        """A queued call is stamped when it is queued: a reply 1.2 s after the question keeps its
        response time though both travel in one batch, and the message id is the batch item id."""
        cid = unique("conv-stamps")
        with Confab(API_KEY, BASE_URL, flush_interval=60, **FAST) as client:
            client.get_or_create_conversation(cid, avatar_id=self.avatar)
            question = client.track_message(cid, "user", "How long does shipping take?")
            time.sleep(1.2)
            answer = client.track_message(cid, "assistant", "Two days.")
            action = client.track_action(cid, "shipping_lookup", duration_ms=5)
            self.assertTrue(client.flush(30))
        c = conversation(cid)
        self.assertEqual([m["id"] for m in c["messages"]], [question, answer])
        self.assertEqual(c["actions"][0]["id"], action)
        self.assertGreaterEqual(c["messages"][1]["responseTimeMs"], 1150)
        self.assertLess(c["messages"][1]["responseTimeMs"], 5000)


class UniqueInteractionTest(ServerTestCase):
    def test_initialize_then_get_or_create_is_one_unique_interaction(self) -> None:
        cid = unique("conv-init")
        with Confab(API_KEY, BASE_URL, avatar_id=self.avatar, **FAST) as client:
            client.initialize_conversation(cid, customer_id="visitor-1", source="web")
            self.assertTrue(client.flush(30))
            first = overview(self.avatar)
            self.assertEqual((first["conversations"], first["uniqueInteractions"]), (1, 0))
            client.get_or_create_conversation(cid, customer_id="visitor-1", source="web")
            client.get_or_create_conversation(cid)
            self.assertTrue(client.flush(30))
        after = overview(self.avatar)
        self.assertEqual((after["conversations"], after["uniqueInteractions"]), (1, 1))
        self.assertEqual(after["uniqueUsers"], 1)
        self.assertEqual(conversation(cid)["source"], "web")


class BatchingTest(ServerTestCase):
    def test_full_batches_go_at_once_and_the_rest_on_flush(self) -> None:
        cid = unique("conv-batch")
        with FaultProxy() as proxy, Confab(API_KEY, proxy.url, batch_size=10, flush_interval=60, **FAST) as client:
            client.get_or_create_conversation(cid, avatar_id=self.avatar)
            for i in range(24):
                client.track_message(cid, "user" if i % 2 == 0 else "assistant", f"message {i}")
            wait_for(lambda: len(proxy.batches()) == 2)  # 20 of 25 items went without a flush
            time.sleep(0.3)
            self.assertEqual([len(b) for b in proxy.batches()], [10, 10])
            self.assertTrue(client.flush(30))
            self.assertEqual([len(b) for b in proxy.batches()], [10, 10, 5])
        batches = proxy.batches()
        self.assertEqual(batches[0][0]["type"], "conversation")
        self.assertEqual([i["body"]["content"] for b in batches for i in b[1:] if i["type"] == "message"][:3],
                         ["message 0", "message 1", "message 2"])
        self.assertEqual(conversation(cid)["messages"][23]["content"], "message 23")
        self.assertEqual(len(conversation(cid)["messages"]), 24)

    def test_flush_interval_sends_without_a_flush(self) -> None:
        cid = unique("conv-interval")
        with FaultProxy() as proxy, Confab(API_KEY, proxy.url, flush_interval=0.3, **FAST) as client:
            started = time.monotonic()
            client.get_or_create_conversation(cid, avatar_id=self.avatar)
            client.track_message(cid, "user", "hello")
            client.track("page_view", {"path": "/"}, conversation_id=cid)
            wait_for(lambda: len(proxy.batches()) == 1, timeout=5)
            self.assertGreaterEqual(time.monotonic() - started, 0.25)
            self.assertEqual(len(proxy.batches()[0]), 3)
            wait_for(lambda: client.pending == 0, timeout=5)
        self.assertEqual(len(conversation(cid)["messages"]), 1)


class RetryTest(ServerTestCase):
    def test_dropped_connection_is_retried_with_the_same_ids_and_no_duplicates(self) -> None:
        for fault in ("drop_after", "drop_before"):
            with self.subTest(fault):
                cid = unique("conv-" + fault.replace("_", "-"))
                self.avatar = unique("avt-py")
                errors: List[ConfabError] = []
                with FaultProxy([fault]) as proxy, Confab(API_KEY, proxy.url, on_error=errors.append, **FAST) as client:
                    client.get_or_create_conversation(cid, avatar_id=self.avatar)
                    client.track_message(cid, "user", "Is my order late?")
                    client.track_message(cid, "assistant", "No, it arrives today.")
                    client.track("order_checked", conversation_id=cid)
                    self.assertTrue(client.flush(30))
                self.assertEqual(errors, [])
                first, second = proxy.batches()
                self.assertEqual(first, second)  # the very same items, ids and stamps
                self.assertEqual(proxy.requests[0]["body"], proxy.requests[1]["body"])
                c = conversation(cid)
                self.assertEqual([m["content"] for m in c["messages"]], ["Is my order late?", "No, it arrives today."])
                self.assertEqual(len(c["events"]), 1)
                self.assertEqual((overview(self.avatar)["conversations"], overview(self.avatar)["messages"]), (1, 2))

    def test_429_waits_for_retry_after_and_5xx_backs_off(self) -> None:
        cid = unique("conv-429")
        faults = [(429, {"Retry-After": "1"}), (503, {}), (500, {})]
        with FaultProxy(faults) as proxy, Confab(API_KEY, proxy.url, **FAST) as client:
            client.get_or_create_conversation(cid, avatar_id=self.avatar)
            client.track_message(cid, "user", "ping")
            self.assertTrue(client.flush(30))
        at = [r["at"] for r in proxy.requests]
        self.assertEqual(len(at), 4)
        self.assertGreaterEqual(at[1] - at[0], 0.95)  # Retry-After: 1 honoured
        self.assertEqual(len({r["body"] for r in proxy.requests}), 1)
        self.assertEqual(len(conversation(cid)["messages"]), 1)

    def test_sync_calls_retry_a_dropped_connection_too(self) -> None:
        cid = unique("conv-sync-retry")
        with FaultProxy(["drop_after"]) as proxy:
            client = Confab(API_KEY, proxy.url, sync=True, **FAST)
            client.get_or_create_conversation(cid, avatar_id=self.avatar)  # dropped once, then answered
            answer = client.track_message(cid, "user", "once")
            self.assertIsNotNone(answer)
            self.assertEqual(proxy.requests[0]["body"], proxy.requests[1]["body"])
        self.assertEqual(len(conversation(cid)["messages"]), 1)
        self.assertEqual(overview(self.avatar)["conversations"], 1)


class ExitTest(ServerTestCase):
    def test_queued_calls_are_sent_when_the_process_exits(self) -> None:
        cid = unique("conv-exit")
        script = textwrap.dedent(f"""
            from confab import Confab
            client = Confab({API_KEY!r}, {BASE_URL!r}, flush_interval=3600)
            client.get_or_create_conversation({cid!r}, avatar_id={self.avatar!r})
            for i in range(5):
                client.track_message({cid!r}, "user", "queued %d" % i)
            client.end_conversation({cid!r}, feedback=5)
            print("queued", client.pending)
        """)
        env = {**os.environ, "PYTHONPATH": str(PACKAGE_DIR)}
        started = time.monotonic()
        done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertEqual(done.stdout.strip(), "queued 7")
        self.assertLess(time.monotonic() - started, 30)
        c = conversation(cid)
        self.assertEqual([m["content"] for m in c["messages"]], [f"queued {i}" for i in range(5)])
        self.assertEqual((c["status"], c["feedbackRating"]), ("ended", 5))


class ErrorTest(ServerTestCase):
    def test_sync_422_raises_confab_error_with_the_field_path(self) -> None:
        cid = unique("conv-422")
        client = Confab(API_KEY, BASE_URL, sync=True)
        with self.assertRaises(ConfabError) as raised:
            client.track_message(cid, "robot", "beep")
        e = raised.exception
        self.assertEqual((e.status, e.code), (422, "validation_error"))
        self.assertTrue(e.message)
        self.assertIn("role", [d["path"] for d in e.details])
        with self.assertRaises(ConfabError) as raised:
            client.sync.get_or_create_conversation(cid, device="fridge", avatar_id=self.avatar)
        self.assertEqual(raised.exception.status, 422)
        self.assertIn("device", [d["path"] for d in raised.exception.details])
        self.assertIsNone(conversation_or_none(cid))  # a rejected request writes nothing

    def test_sync_401_for_a_bad_key(self) -> None:
        with self.assertRaises(ConfabError) as raised:
            Confab("cfb_not_a_key", BASE_URL, sync=True).track("x")
        self.assertEqual(raised.exception.status, 401)

    def test_queued_422_is_reported_and_the_rest_of_the_batch_stored(self) -> None:
        cid = unique("conv-q422")
        errors: List[ConfabError] = []
        with Confab(API_KEY, BASE_URL, on_error=errors.append, **FAST) as client:
            client.get_or_create_conversation(cid, avatar_id=self.avatar)
            bad = client.track_message(cid, "robot", "beep")
            client.track_message(cid, "user", "fine")
            self.assertTrue(client.flush(30))
        self.assertEqual(len(errors), 1)
        self.assertEqual((errors[0].status, errors[0].code), (422, "validation_error"))
        self.assertEqual([i["id"] for i in errors[0].items], [bad])
        self.assertTrue(any(d["path"].startswith("body.role") for d in errors[0].details))
        self.assertEqual([m["content"] for m in conversation(cid)["messages"]], ["fine"])


class ThreadSafetyTest(ServerTestCase):
    def test_eight_producer_threads(self) -> None:
        threads_n, per_thread = 8, 60
        errors: List[ConfabError] = []
        ids: Dict[int, List[str]] = {}
        shared = unique("conv-shared")
        with Confab(API_KEY, BASE_URL, batch_size=50, flush_interval=0.2, on_error=errors.append, **FAST) as client:
            client.get_or_create_conversation(shared, avatar_id=self.avatar)
            barrier = threading.Barrier(threads_n)

            def produce(n: int) -> None:
                cid = f"{shared}-t{n}"
                client.get_or_create_conversation(cid, avatar_id=self.avatar)
                barrier.wait()
                ids[n] = []
                for i in range(per_thread):
                    ids[n].append(client.track_message(cid, "user" if i % 2 == 0 else "assistant", f"t{n} m{i}"))
                    client.track_message(shared, "user", f"shared t{n} m{i}", metadata={"thread": n})
                    if i % 20 == 0:
                        client.track_action(cid, "search", duration_ms=i)

            workers = [threading.Thread(target=produce, args=(n,)) for n in range(threads_n)]
            for w in workers:
                w.start()
            for w in workers:
                w.join(60)
            self.assertTrue(client.flush(60))
        self.assertEqual(errors, [])
        for n in range(threads_n):
            c = conversation(f"{shared}-t{n}")
            self.assertEqual([m["content"] for m in c["messages"]], [f"t{n} m{i}" for i in range(per_thread)])
            self.assertEqual([m["id"] for m in c["messages"]], ids[n])
            self.assertEqual(len(c["actions"]), 3)
        contents = [m["content"] for m in conversation(shared)["messages"]]
        self.assertEqual(len(contents), threads_n * per_thread)
        self.assertEqual(len(set(contents)), threads_n * per_thread)
        stats = overview(self.avatar)
        self.assertEqual((stats["conversations"], stats["messages"]), (threads_n + 1, 2 * threads_n * per_thread))


class ReadmeExampleTest(ServerTestCase):
    def test_the_readme_example_runs_as_written(self) -> None:
        readme = (PACKAGE_DIR / "README.md").read_text(encoding="utf-8")
        example = re.search(r"```python\n(.*?)```", readme, re.S)
        assert example is not None, "sdks/python/README.md has no python example"
        env = {**os.environ, "PYTHONPATH": str(PACKAGE_DIR), "CONFAB_API_KEY": API_KEY, "CONFAB_BASE_URL": BASE_URL}
        done = subprocess.run([sys.executable, "-c", example.group(1)], env=env, capture_output=True, text=True, timeout=60)
        self.assertEqual(done.returncode, 0, done.stderr)
        cid = done.stdout.split()[-1]
        c = conversation(cid)
        self.assertEqual(c["status"], "ended")
        self.assertEqual([m["role"] for m in c["messages"]], ["user", "assistant", "user", "assistant"])
        self.assertGreater(c["tokens"]["total"], 0)


if __name__ == "__main__":
    unittest.main()
