"""A loopback fake of OpenAI's Files and Batches endpoints, for tests and cassettes.

It speaks the wire format of ``POST /v1/files`` (multipart upload, purpose ``batch``),
``POST /v1/batches``, ``GET /v1/batches/{id}`` and ``GET /v1/files/{id}/content`` as the OpenAI API
documents it (the shapes of the SDK's ``FileObject`` and ``Batch``; output and error files as JSONL
of ``{id, custom_id, response: {status_code, request_id, body}, error}``). A created batch is run at
once: each request is answered from a script of replies (the same reply dicts as
``briefing.testing.responder.Responder``), so ``GET`` shows it finished. ``outcome`` shapes the run:
``{"expire_after": N}`` answers the first N requests and expires the batch (the rest land in the
error file as ``batch_expired``); ``{"fail": {"INDEX": STATUS}}`` answers those requests with an
error body in the error file. ``live`` replies answer ``POST /v1/chat/completions`` in order (for
``--reask-live``).
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from briefing.testing.responder import LoopbackServer, Reply, completion_body

_CREATED = 1763990000


def _id(prefix: str, *parts: str) -> str:
    return prefix + hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:24]


def _multipart_file(body: bytes, content_type: str) -> tuple[str, bytes]:
    """The (filename, bytes) of the ``file`` part of a multipart body."""
    boundary = re.search(r"boundary=\"?([^\";]+)", content_type)
    if not boundary:
        raise ValueError("no multipart boundary")
    for part in body.split(b"--" + boundary.group(1).encode()):
        head, _, data = part.partition(b"\r\n\r\n")
        if b'name="file"' in head:
            name = re.search(rb'filename="([^"]*)"', head)
            return (name.group(1).decode() if name else "upload.jsonl"), data.rsplit(b"\r\n", 1)[0]
    raise ValueError("no file part")


class BatchServer(LoopbackServer):
    """Serve the Files and Batches endpoints on ``http://127.0.0.1:PORT/v1``; a context manager."""

    def __init__(self, replies: list[Reply], outcome: dict[str, Any] | None = None,
                 live: list[Reply] | None = None) -> None:
        self.replies, self.outcome = replies, outcome or {}
        self.live = list(live or [])  # answers to live chat requests (``--reask-live``), in order
        self.live_requests: list[dict[str, Any]] = []
        self.files: dict[str, tuple[dict[str, Any], bytes]] = {}
        self.batches: dict[str, dict[str, Any]] = {}
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def _send(self, status: int, payload: Any, content_type: str = "application/json") -> None:
                data = payload if isinstance(payload, bytes) else (json.dumps(payload, indent=2) + "\n").encode()
                self.send_response(status)
                self.send_header("content-type", content_type)
                self.send_header("content-length", str(len(data)))
                self.send_header("openai-version", "2020-10-01")
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length") or 0))
                with server._lock:
                    if self.path.endswith("/files"):
                        self._send(200, server._upload(body, self.headers.get("content-type", "")))
                    elif self.path.endswith("/batches"):
                        self._send(200, server._create(json.loads(body)))
                    elif self.path.endswith("/chat/completions") and len(server.live_requests) < len(server.live):
                        request = json.loads(body)
                        server.live_requests.append(request)
                        n = len(server.live_requests) - 1
                        self._send(200, completion_body(request, server.live[n], n))
                    else:
                        self._send(404, {"error": {"message": "not found", "type": "invalid_request_error",
                                                   "param": None, "code": None}})

            def do_GET(self) -> None:
                with server._lock:
                    found = re.search(r"/batches/([^/]+)$", self.path)
                    if found and found.group(1) in server.batches:
                        return self._send(200, server.batches[found.group(1)])
                    found = re.search(r"/files/([^/]+)/content$", self.path)
                    if found and found.group(1) in server.files:
                        return self._send(200, server.files[found.group(1)][1], "application/octet-stream")
                self._send(404, {"error": {"message": f"No such object: {self.path}", "type": "invalid_request_error",
                                           "param": None, "code": None}})

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)


    # ------------------------------------------------------------------ the API's behaviour

    def _file(self, name: str, data: bytes, purpose: str) -> dict[str, Any]:
        file_id = _id("file-", name, data.decode("utf-8", "replace"), str(len(self.files)))
        meta = {"id": file_id, "object": "file", "bytes": len(data), "created_at": _CREATED + len(self.files),
                "filename": name, "purpose": purpose, "status": "processed", "expires_at": None,
                "status_details": None}
        self.files[file_id] = (meta, data)
        return meta

    def _upload(self, body: bytes, content_type: str) -> dict[str, Any]:
        name, data = _multipart_file(body, content_type)
        return self._file(name, data, "batch")

    def _create(self, params: dict[str, Any]) -> dict[str, Any]:
        batch_id = _id("batch_", params["input_file_id"])
        lines = [json.loads(x) for x in self.files[params["input_file_id"]][1].decode().splitlines() if x.strip()]
        output, errors = self._run(batch_id, lines)
        expire_after = self.outcome.get("expire_after")
        status = "expired" if expire_after is not None and expire_after < len(lines) else "completed"
        done = _CREATED + 3600
        final = {
            "id": batch_id, "object": "batch", "endpoint": params["endpoint"], "errors": None,
            "input_file_id": params["input_file_id"], "completion_window": params["completion_window"],
            "status": status,
            "output_file_id": self._file("batch_output.jsonl", output, "batch_output")["id"] if output else None,
            "error_file_id": self._file("batch_errors.jsonl", errors, "batch_output")["id"] if errors else None,
            "created_at": _CREATED, "in_progress_at": _CREATED + 5, "expires_at": _CREATED + 86400,
            "finalizing_at": done - 10 if status == "completed" else None,
            "completed_at": done if status == "completed" else None, "failed_at": None,
            "expired_at": _CREATED + 86400 if status == "expired" else None,
            "cancelling_at": None, "cancelled_at": None,
            "request_counts": {"total": len(lines), "completed": output.count(b"\n"), "failed": errors.count(b"\n")},
            "metadata": params.get("metadata"), "model": lines[0]["body"].get("model") if lines else None,
            "usage": None,
        }
        self.batches[batch_id] = final
        return {**final, "status": "validating", "output_file_id": None, "error_file_id": None,
                "in_progress_at": None, "finalizing_at": None, "completed_at": None, "expired_at": None,
                "request_counts": {"total": 0, "completed": 0, "failed": 0}}

    def _run(self, batch_id: str, lines: list[dict[str, Any]]) -> tuple[bytes, bytes]:
        output, errors = [], []
        expire_after = self.outcome.get("expire_after")
        fail = {int(k): v for k, v in self.outcome.get("fail", {}).items()}
        for index, line in enumerate(lines):
            line_id = _id("batch_req_", batch_id, line["custom_id"])
            request_id = _id("req_", batch_id, line["custom_id"])
            if expire_after is not None and index >= expire_after:
                errors.append({"id": line_id, "custom_id": line["custom_id"], "response": None, "error": {
                    "code": "batch_expired",
                    "message": "This request could not be executed before the completion window expired."}})
            elif index in fail:
                errors.append({"id": line_id, "custom_id": line["custom_id"], "error": None, "response": {
                    "status_code": fail[index], "request_id": request_id, "body": {"error": {
                        "message": "The server had an error while processing your request. Sorry about that!",
                        "type": "server_error", "param": None, "code": None}}}})
            else:
                reply = self.replies[min(index, len(self.replies) - 1)]
                output.append({"id": line_id, "custom_id": line["custom_id"], "error": None, "response": {
                    "status_code": 200, "request_id": request_id,
                    "body": completion_body(line["body"], reply, index)}})
        encode = (lambda rows: "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8"))
        return encode(output), encode(errors)
