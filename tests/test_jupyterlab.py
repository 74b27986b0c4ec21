"""`make lab` works: JupyterLab starts headless on a loopback port, lists the notebooks, and runs
one through a kernel it starts; then it is stopped."""
from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import nbformat
import pytest

from helpers import paths

pytestmark = pytest.mark.slow  # a JupyterLab server and a kernel: make test-slow (CI runs it)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port, token = free_port(), secrets.token_hex(16)
    runtime = tmp_path_factory.mktemp("jupyter-runtime")
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(runtime)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={paths.ROOT}", "--ServerApp.open_browser=False",
         "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
         "--LabApp.extension_manager=readonly", "--ServerApp.allow_root=True"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
            break
        except OSError:
            if proc.poll() is not None:
                pytest.fail(f"JupyterLab exited: {proc.stderr.read().decode()[-2000:]}")
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("JupyterLab did not answer within 60 s")
    yield base, token
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()


def api(base: str, token: str, path: str, method: str = "GET", body: dict | None = None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(f"{base}{path}?token={token}", data=data, method=method,
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        text = r.read().decode()
        return json.loads(text) if text else None


def test_lab_page_is_served(server):
    base, token = server
    with urllib.request.urlopen(f"{base}/lab?token={token}", timeout=10) as r:
        assert r.status == 200 and b"JupyterLab" in r.read()


def test_notebooks_are_listed(server):
    base, token = server
    listing = api(base, token, "/api/contents/notebooks")
    names = {item["name"] for item in listing["content"]}
    assert {p.name for p in paths.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb")} <= names


def test_a_notebook_runs_through_a_server_kernel(server, tmp_path):
    import websocket

    base, token = server
    kernel = api(base, token, "/api/kernels", "POST", {"name": "python3"})
    nb = nbformat.read(paths.notebook("00-corpus-overview"), as_version=4)
    codes = [c.source for c in nb.cells if c.cell_type == "code"]
    i = next(k for k, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
    params = sum(1 for c in nb.cells[: i + 1] if c.cell_type == "code")
    codes.insert(params, f"output_dir = {str(tmp_path)!r}")  # as papermill injects: write elsewhere
    ws = websocket.create_connection(f"{base.replace('http', 'ws')}/api/kernels/{kernel['id']}/channels?token={token}",
                                     timeout=60)
    session = uuid.uuid4().hex
    try:
        for code in codes:
            msg_id = uuid.uuid4().hex
            ws.send(json.dumps({"header": {"msg_id": msg_id, "msg_type": "execute_request", "session": session,
                                           "username": "test", "version": "5.3"},
                                "parent_header": {}, "metadata": {}, "channel": "shell",
                                "content": {"code": code, "silent": False, "store_history": True,
                                            "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}}))
            while True:
                reply = json.loads(ws.recv())
                if reply.get("parent_header", {}).get("msg_id") == msg_id and reply["msg_type"] == "execute_reply":
                    assert reply["content"]["status"] == "ok", (code[:80], reply["content"])
                    break
    finally:
        ws.close()
        api(base, token, f"/api/kernels/{kernel['id']}", "DELETE")
    assert (Path(tmp_path) / "figures" / "00-sentence-voices.png").exists()
    assert (Path(tmp_path) / "data" / "processed" / "corpus_sentences.csv").exists()
