"""A local static server for browser tests: loopback only, headers from _headers."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


def read_headers_file(path: Path) -> dict[str, str]:
    """The headers of the « /* » block of a Netlify-style _headers file."""
    headers: dict[str, str] = {}
    block = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line.startswith((" ", "\t")):
            block = line.strip()
            continue
        if block == "/*":
            name, _, value = line.strip().partition(":")
            headers[name.strip()] = value.strip()
    return headers


class Handler(SimpleHTTPRequestHandler):
    extra_headers: dict[str, str] = {}  # noqa: RUF012 - set per server below

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            if name != "Strict-Transport-Security":  # meaningless over plain http
                self.send_header(name, value)
        super().end_headers()

    def log_message(self, *args: object) -> None:
        pass


def serve(root: Path) -> tuple[ThreadingHTTPServer, str]:
    headers_file = root / "_headers"
    handler = type(
        "SiteHandler",
        (Handler,),
        {"extra_headers": read_headers_file(headers_file) if headers_file.exists() else {}},
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"
