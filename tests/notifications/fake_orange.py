"""A local stand-in for Orange's SMS API (http.server in a thread), scripted per test."""

import base64
import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeOrange:
    def __init__(self, *, client_id: str, client_secret: str) -> None:
        self.expected_basic = base64.b64encode(f"{client_id}:{client_secret}".encode()).decode()
        self.requests: list[dict] = []
        self.sms_statuses: list[int] = []  # scripted answers to the next SMS posts (else 201)
        self.token_statuses: list[int] = []
        self.tokens_issued = 0
        self.valid_tokens: set[str] = set()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def _answer(self, status: int, body: dict) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                path = urllib.parse.unquote(self.path)
                fake.requests.append({"path": path, "auth": self.headers.get("Authorization"),
                                      "body": body})
                if path == "/oauth/v3/token":
                    return self._token(body)
                if path.startswith("/smsmessaging/v1/outbound/tel:+") and path.endswith(
                        "/requests"):
                    return self._sms(path, body)
                return self._answer(404, {"error": "not found"})

            def _token(self, body: bytes) -> None:
                if fake.token_statuses:
                    return self._answer(fake.token_statuses.pop(0), {"error": "scripted"})
                if (self.headers.get("Authorization") != f"Basic {fake.expected_basic}"
                        or b"grant_type=client_credentials" not in body):
                    return self._answer(401, {"error": "invalid_client"})
                fake.tokens_issued += 1
                token = f"token-{fake.tokens_issued}"
                fake.valid_tokens.add(token)
                return self._answer(200, {"token_type": "Bearer", "access_token": token,
                                          "expires_in": 3600})

            def _sms(self, path: str, body: bytes) -> None:
                token = (self.headers.get("Authorization") or "").removeprefix("Bearer ")
                if token not in fake.valid_tokens:
                    return self._answer(401, {"code": 42, "message": "Expired credentials"})
                if fake.sms_statuses:
                    status = fake.sms_statuses.pop(0)
                    return self._answer(status, {"requestError": {"serviceException": {
                        "messageId": "SVC0004", "text": "scripted"}}})
                request = json.loads(body)["outboundSMSMessageRequest"]
                sender = path.split("/outbound/")[1].split("/")[0]
                return self._answer(201, {"outboundSMSMessageRequest": {
                    **request, "resourceURL": f"http://fake/{sender}/requests/msg-"
                                              f"{len(fake.requests)}"}})

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def sms_sent(self) -> list[dict]:
        return [json.loads(r["body"])["outboundSMSMessageRequest"] for r in self.requests
                if "/smsmessaging/" in r["path"]]

    def __enter__(self) -> "FakeOrange":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)
