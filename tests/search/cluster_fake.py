"""A recorded-HTTP fake of the OpenSearch endpoints the cluster engine uses, on a real local socket.

No search server can be installed on these machines, so the engine's client
(opensearch-py, its real urllib3 transport) talks to this server instead. It
records every request (method, path, query string, JSON or NDJSON body) and
answers with what the test recorded for that endpoint, or, for the endpoints
whose answer is only an acknowledgement (index creation, `_bulk`, `_refresh`,
`_aliases`, index deletion), with the acknowledgement the documentation shows.
It computes nothing a cluster computes: a `_search` is answered only with an
answer the test recorded, and anything else unrecorded gets a 500.
"""

import json
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit


@dataclass
class Request:
    method: str
    path: str
    params: dict
    body: object  # parsed JSON, a list of NDJSON lines, or None


class FakeCluster:
    def __init__(self):
        self.requests = []
        self.recorded = {}
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def record(self, method, path, body, status=200):
        """Answer the next `method path` with `body` (each recording answers once, in order)."""
        self.recorded.setdefault((method, path), []).append((status, body))

    def made(self, method, path):
        return [request for request in self.requests if (request.method, request.path) == (method, path)]

    def answer(self, request):
        self.requests.append(request)
        queue = self.recorded.get((request.method, request.path))
        if queue:
            return queue.pop(0)
        return _acknowledgement(request)


def _acknowledgement(request):
    method, path = request.method, request.path
    if method == "POST" and path == "/_bulk":
        lines = iter(request.body)
        items = []
        for action in lines:
            ((operation, meta),) = action.items()
            if operation == "index":
                next(lines)  # the document
            status, result = (201, "created") if operation == "index" else (200, "deleted")
            items.append(
                {operation: {"_index": meta["_index"], "_id": str(meta["_id"]), "status": status, "result": result}}
            )
        return 200, {"took": 1, "errors": False, "items": items}
    if method == "PUT" and path.count("/") == 1:
        return 200, {"acknowledged": True, "shards_acknowledged": True, "index": path[1:]}
    if method == "POST" and path.endswith("/_refresh"):
        return 200, {"_shards": {"total": 1, "successful": 1, "failed": 0}}
    if (method, path) == ("POST", "/_aliases") or (method == "DELETE" and path.count("/") == 1):
        return 200, {"acknowledged": True}
    if method == "GET" and path.startswith("/_alias/"):
        return 404, {"error": f"alias [{path.rsplit('/', 1)[1]}] missing", "status": 404}
    return 500, {"error": {"type": "unrecorded", "reason": f"no answer recorded for {method} {path}"}, "status": 500}


def _parse(raw, path):
    """A `_bulk` body is NDJSON (one action or document a line), any other body one JSON value."""
    if not raw:
        return None
    if path.endswith("/_bulk"):
        return [json.loads(line) for line in raw.decode().splitlines() if line.strip()]
    return json.loads(raw)


def _handler(cluster):
    class Handler(BaseHTTPRequestHandler):
        def _serve(self):
            parts = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            body = _parse(self.rfile.read(length), parts.path)
            request = Request(self.command, parts.path, dict(parse_qsl(parts.query)), body)
            status, answer = cluster.answer(request)
            payload = json.dumps(answer).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = do_PUT = do_DELETE = _serve

        def log_message(self, *args):
            """Quiet: the test reads `cluster.requests`."""

    return Handler
