"""A scriptable fake Nominatim HTTP server on 127.0.0.1, port 0 (reusable by any test).

Usage::

    with FakeNominatim() as fake:
        fake.push(Reply(json=[{...}]))          # next request gets this reply
        fake.default = Reply(json=[])           # when the queue is empty
        ... Config(geocoder="nominatim", domain=fake.domain, scheme="http") ...
        fake.requests  # [Request(t, path, query, headers)], t = time.monotonic()

A ``Reply`` can delay before the headers (``delay``), drip its body (``drip_interval``
seconds between ``drip_chunk``-byte pieces), stream a huge body (``size`` bytes of
``fill``), or send any status, headers and raw bytes. ``refused_port()`` gives a port with
nothing listening (connection refused).
"""

from __future__ import annotations

import contextlib
import json as jsonlib
import socket
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass
class Reply:
    status: int = 200
    json: Any = None
    body: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before sending anything
    drip_interval: float = 0.0  # > 0: send the body piecewise
    drip_chunk: int = 1
    size: int = 0  # > 0: stream this many bytes of ``fill`` as the body
    fill: bytes = b" "

    def payload(self) -> bytes:
        if self.body is not None:
            return self.body
        return jsonlib.dumps(self.json if self.json is not None else []).encode()


@dataclass(frozen=True)
class Request:
    t: float
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]


class FakeNominatim:
    def __init__(self) -> None:
        self.replies: deque[Reply] = deque()
        self.default = Reply(json=[])
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                with fake._lock:
                    fake.requests.append(
                        Request(
                            time.monotonic(), parts.path, parse_qs(parts.query), dict(self.headers)
                        )
                    )
                    reply = fake.replies.popleft() if fake.replies else fake.default
                with contextlib.suppress(
                    BrokenPipeError, ConnectionResetError, TimeoutError, OSError
                ):
                    self._send(reply)

            def _send(self, reply: Reply) -> None:
                if reply.delay and fake._stop.wait(reply.delay):
                    return
                data = b"" if reply.size else reply.payload()
                length = reply.size or len(data)
                self.send_response(reply.status)
                headers = {
                    "Content-Type": "application/json; charset=utf-8",
                    "Content-Length": str(length),
                    "Connection": "close",
                    **reply.headers,
                }
                for k, v in headers.items():
                    self.send_header(k, v)
                self.end_headers()
                if reply.size:
                    block = (reply.fill * (65536 // max(1, len(reply.fill)) + 1))[:65536]
                    sent = 0
                    while sent < reply.size and not fake._stop.is_set():
                        piece = block[: min(len(block), reply.size - sent)]
                        self.wfile.write(piece)
                        sent += len(piece)
                elif reply.drip_interval > 0:
                    for i in range(0, len(data), reply.drip_chunk):
                        if fake._stop.wait(reply.drip_interval):
                            return
                        self.wfile.write(data[i : i + reply.drip_chunk])
                        self.wfile.flush()
                else:
                    self.wfile.write(data)
                self.close_connection = True

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def port(self) -> int:
        return self.server.server_address[1]

    @property
    def domain(self) -> str:
        return f"127.0.0.1:{self.port}"

    def push(self, *replies: Reply) -> None:
        with self._lock:
            self.replies.extend(replies)

    def __enter__(self) -> FakeNominatim:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


def refused_port() -> int:
    """A local port with nothing listening on it."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def place_json(lat: float, lon: float, name: str = "Somewhere", **extra: Any) -> dict[str, Any]:
    """One Nominatim search result."""
    return {
        "place_id": 1,
        "osm_type": "node",
        "osm_id": 42,
        "lat": str(lat),
        "lon": str(lon),
        "name": name,
        "display_name": f"{name}, Afghanistan",
        "addresstype": "village",
        "boundingbox": [str(lat - 0.01), str(lat + 0.01), str(lon - 0.01), str(lon + 0.01)],
        **extra,
    }
