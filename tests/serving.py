"""A local static server for browser tests: loopback only, headers from _headers."""

from __future__ import annotations

import contextlib
import functools
import os
import re
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest


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


NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
NGINX_SITE = Path(__file__).resolve().parents[1] / "docs" / "deploy" / "nginx.conf"


def nginx_or_skip() -> str:  # pragma: no cover - depends on the machine
    """Debian's nginx, which ./tasks test installs when run as root."""
    if Path(NGINX).exists():
        return NGINX
    message = (
        "nginx is not installed: tests of the shipped nginx config skipped (apt-get install nginx)"
    )
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@contextlib.contextmanager
def serve_nginx(root: Path, workdir: Path) -> Iterator[str]:
    """``root`` served on loopback by nginx with the shipped site snippet
    (docs/deploy/nginx.conf) included as it is, only its ``root`` replaced."""
    nginx = nginx_or_skip()
    workdir.mkdir(parents=True, exist_ok=True)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    snippet = NGINX_SITE.read_text(encoding="utf-8")
    snippet = re.sub(r"(?m)^root .*;$", f"root {root};", snippet)
    (workdir / "site.conf").write_text(snippet, encoding="utf-8")
    user = "user root;\n" if os.geteuid() == 0 else ""  # pytest's folders are private
    (workdir / "nginx.conf").write_text(
        f"{user}daemon off;\nworker_processes 1;\npid {workdir}/nginx.pid;\n"
        f"error_log {workdir}/error.log;\nevents {{}}\nhttp {{\n"
        "  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n"
        f"  client_body_temp_path {workdir}/tmp;\n  proxy_temp_path {workdir}/tmp;\n"
        f"  fastcgi_temp_path {workdir}/tmp;\n  uwsgi_temp_path {workdir}/tmp;\n"
        f"  scgi_temp_path {workdir}/tmp;\n"
        f"  server {{\n    listen 127.0.0.1:{port};\n    include {workdir}/site.conf;\n  }}\n}}\n",
        encoding="utf-8",
    )
    process = subprocess.Popen(
        [nginx, "-p", str(workdir), "-c", str(workdir / "nginx.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        "nginx did not start: " + process.stderr.read().decode()
                    ) from None
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)
