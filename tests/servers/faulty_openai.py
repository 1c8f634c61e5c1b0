"""A real OpenAI chat-completions server on loopback that misbehaves on purpose, per request.

A test queues faults (`server.plan("rate_limit", "ok")`); each incoming chat request takes
the next one, and once the queue is empty every request succeeds. It speaks both the
streaming (SSE) and non-streaming protocol, records what it was sent, and never sleeps
for longer than `hang_s`, so a test can never hang the suite.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Literal

FaultKind = Literal[
    "ok",
    "hang",  # no answer at all until hang_s passes (the client should time out first)
    "hang_after_headers",  # 200 and headers, then silence before the first token
    "hang_mid_stream",  # a few tokens, then silence
    "rate_limit",  # 429 with Retry-After
    "server_error",  # 500
    "malformed",  # 200 with a body that is not JSON
    "interrupt",  # a few tokens, then the connection is cut
    "truncate",  # a few tokens, then a clean end without finish_reason or [DONE]
    "auth",  # 401
    "not_found",  # 404 model not found
    "quota",  # 429 insufficient_quota
]


@dataclass(frozen=True)
class Fault:
    """What the server does with one request."""

    kind: FaultKind = "ok"
    retry_after: str | None = "1"
    #: tokens sent before a mid-stream fault
    pieces: int = 2


@dataclass
class RecordedRequest:
    """One request as the server saw it."""

    path: str
    body: dict[str, Any]
    headers: dict[str, str]
    received_at: float
    fault: Fault = field(default_factory=Fault)


class FaultyOpenAIServer:
    """Start with `with FaultyOpenAIServer() as server:`; `server.base_url` ends in /v1."""

    def __init__(self, reply: str = "Ik voel me eerlijk gezegd niet gehoord.", hang_s: float = 5.0):
        self.reply = reply
        self.hang_s = hang_s
        self.requests: list[RecordedRequest] = []
        self._faults: deque[Fault] = deque()
        self._lock = threading.Lock()
        self._release = threading.Event()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _make_handler(self))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def plan(self, *faults: Fault | FaultKind) -> None:
        """Queue faults for the next requests (after them, every request succeeds)."""
        with self._lock:
            for fault in faults:
                self._faults.append(fault if isinstance(fault, Fault) else Fault(kind=fault))

    def reset(self) -> None:
        with self._lock:
            self._faults.clear()
            self.requests.clear()

    def next_fault(self) -> Fault:
        with self._lock:
            return self._faults.popleft() if self._faults else Fault()

    def wait(self, seconds: float) -> None:
        """Sleep that ends early when the server stops."""
        self._release.wait(min(seconds, self.hang_s))

    def start(self) -> FaultyOpenAIServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._release.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> FaultyOpenAIServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def _chunk(model: str, delta: dict[str, Any], finish_reason: str | None = None) -> bytes:
    payload = {
        "id": "chatcmpl-faulty",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason}],
    }
    return f"data: {json.dumps(payload)}\n\n".encode()


def _make_handler(server: FaultyOpenAIServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass  # the test output stays readable

        def handle(self) -> None:
            # the client gave up first, which is the point of several faults
            with contextlib.suppress(TimeoutError, BrokenPipeError, ConnectionResetError):
                super().handle()

        # -- plumbing -------------------------------------------------------------------

        def _send_json(
            self, status: int, payload: Any, headers: dict[str, str] | None = None
        ) -> None:
            body = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def _send_error(self, status: int, message: str, code: str, **headers: str) -> None:
            error = {"message": message, "type": "test_fault", "code": code}
            self._send_json(status, {"error": error}, headers)

        def _write_chunk(self, data: bytes) -> None:
            self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
            self.wfile.flush()

        def _cut_connection(self) -> None:
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)

        # -- endpoints ------------------------------------------------------------------

        def do_GET(self) -> None:
            if self.path.rstrip("/").endswith("/models"):
                models = [{"id": "faulty-model", "object": "model", "owned_by": "tests"}]
                self._send_json(200, {"object": "list", "data": models})
            else:
                self._send_error(404, f"no route {self.path}", "not_found")

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            try:
                body = json.loads(raw or b"{}")
            except ValueError:
                body = {"_unparsed": raw.decode(errors="replace")}
            fault = server.next_fault()
            server.requests.append(
                RecordedRequest(
                    path=self.path,
                    body=body,
                    headers={k.lower(): v for k, v in self.headers.items()},
                    received_at=time.monotonic(),
                    fault=fault,
                )
            )
            if not self.path.rstrip("/").endswith("/chat/completions"):
                self._send_error(404, f"no route {self.path}", "not_found")
                return
            self._answer(fault, body)

        def _answer(self, fault: Fault, body: dict[str, Any]) -> None:
            model = str(body.get("model", "faulty-model"))
            kind = fault.kind
            if kind == "hang":
                server.wait(server.hang_s)
                self.close_connection = True
                return
            if kind == "rate_limit":
                headers = {"Retry-After": fault.retry_after} if fault.retry_after else {}
                self._send_error(429, "Rate limit reached, slow down", "rate_limit", **headers)
                return
            if kind == "quota":
                self._send_error(429, "You exceeded your current quota", "insufficient_quota")
                return
            if kind == "server_error":
                self._send_error(500, "The server had an error", "server_error")
                return
            if kind == "auth":
                self._send_error(401, "Incorrect API key provided", "invalid_api_key")
                return
            if kind == "not_found":
                self._send_error(404, f"The model {model} does not exist", "model_not_found")
                return
            if body.get("stream"):
                self._stream(fault, model)
            else:
                self._complete(fault, model)

        def _complete(self, fault: Fault, model: str) -> None:
            if fault.kind == "malformed":
                garbage = b'{"id": "chatcmpl-faulty", "choices": [{"message": '
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(garbage)))
                self.end_headers()
                self.wfile.write(garbage)
                return
            message = {"role": "assistant", "content": server.reply}
            self._send_json(
                200,
                {
                    "id": "chatcmpl-faulty",
                    "object": "chat.completion",
                    "created": int(time.time()),
                    "model": model,
                    "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
                    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                },
            )

        def _stream(self, fault: Fault, model: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-cache")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            self.wfile.flush()
            kind = fault.kind
            if kind == "hang_after_headers":
                server.wait(server.hang_s)
                self._cut_connection()
                return
            if kind == "malformed":
                self._write_chunk(b"data: {this is not json\n\n")
                self._write_chunk(b"")
                return
            self._write_chunk(_chunk(model, {"role": "assistant", "content": ""}))
            words = server.reply.split(" ")
            for index, word in enumerate(words):
                if kind in ("interrupt", "truncate", "hang_mid_stream") and index == fault.pieces:
                    break
                text = word if index == 0 else " " + word
                self._write_chunk(_chunk(model, {"content": text}))
            if kind == "interrupt":
                self._cut_connection()
                return
            if kind == "hang_mid_stream":
                server.wait(server.hang_s)
                self._cut_connection()
                return
            if kind != "truncate":
                self._write_chunk(_chunk(model, {}, finish_reason="stop"))
                self._write_chunk(b"data: [DONE]\n\n")
            self._write_chunk(b"")  # the last, empty chunk of a chunked body

    return Handler
