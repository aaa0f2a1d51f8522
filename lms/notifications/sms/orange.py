"""Orange's SMS API (developer.orange.com, "SMS Mali" among its countries).

OAuth2 client credentials: POST {base}/oauth/v3/token with the client id and secret (HTTP
Basic) gives a bearer token valid about an hour, kept in the cache until shortly before it
expires; then POST {base}/smsmessaging/v1/outbound/tel:+{sender}/requests. A 401 on sending
(token revoked or expired early) fetches a new token once. Settings (from the environment):
SMS_ORANGE_BASE_URL, SMS_ORANGE_CLIENT_ID, SMS_ORANGE_CLIENT_SECRET, SMS_SENDER (the number
of the SMS bundle, E.164), optional SMS_SENDER_NAME, SMS_TIMEOUT.

Neither the secret nor the token ever appears in an exception or a log line.
"""

import base64
import json
import logging
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings
from django.core.cache import cache

from . import BaseSmsBackend, SmsRejected, SmsTemporaryError

logger = logging.getLogger(__name__)
TOKEN_CACHE_KEY = "notifications:orange-sms-token"
_TEMPORARY_STATUSES = {408, 425, 429, 500, 502, 503, 504}


class _Response:
    def __init__(self, status: int, body: bytes) -> None:
        self.status, self.body = status, body

    def json(self) -> dict:
        try:
            return json.loads(self.body or b"{}")
        except ValueError:
            return {}


class OrangeBackend(BaseSmsBackend):
    def __init__(self) -> None:
        self.base_url = settings.SMS_ORANGE_BASE_URL.rstrip("/")
        self.client_id = settings.SMS_ORANGE_CLIENT_ID
        self.client_secret = settings.SMS_ORANGE_CLIENT_SECRET
        self.sender = settings.SMS_SENDER.lstrip("+")
        self.sender_name = settings.SMS_SENDER_NAME
        self.timeout = settings.SMS_TIMEOUT
        if not (self.client_id and self.client_secret and self.sender):
            raise SmsRejected("Orange SMS is not configured (SMS_ORANGE_CLIENT_ID, "
                              "SMS_ORANGE_CLIENT_SECRET and SMS_SENDER are required)")

    def _request(self, url: str, *, data: bytes, headers: dict[str, str]) -> _Response:
        request = urllib.request.Request(url, data=data, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                return _Response(answer.status, answer.read())
        except urllib.error.HTTPError as error:
            return _Response(error.code, error.read())
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            # The reason only (connection refused, timed out): never the request.
            reason = getattr(error, "reason", error)
            raise SmsTemporaryError(f"Orange SMS unreachable: {type(reason).__name__}") from None

    def _token(self, *, fresh: bool = False) -> str:
        if not fresh:
            token = cache.get(TOKEN_CACHE_KEY)
            if token:
                return token
        basic = base64.b64encode(f"{self.client_id}:{self.client_secret}".encode()).decode()
        answer = self._request(
            f"{self.base_url}/oauth/v3/token",
            data=urllib.parse.urlencode({"grant_type": "client_credentials"}).encode(),
            headers={"Authorization": f"Basic {basic}", "Accept": "application/json",
                     "Content-Type": "application/x-www-form-urlencoded"})
        if answer.status in _TEMPORARY_STATUSES:
            raise SmsTemporaryError(f"Orange token request failed (HTTP {answer.status})")
        token = answer.json().get("access_token") if answer.status == 200 else None
        if not token:
            raise SmsRejected(f"Orange refused the credentials (HTTP {answer.status})")
        lifetime = int(answer.json().get("expires_in") or 3600)
        cache.set(TOKEN_CACHE_KEY, token, max(lifetime - 60, 1))
        return token

    def _post_sms(self, *, token: str, to: str, text: str) -> _Response:
        sender = urllib.parse.quote(f"tel:+{self.sender}", safe="")
        request = {"address": f"tel:{to}", "senderAddress": f"tel:+{self.sender}",
                   "outboundSMSTextMessage": {"message": text}}
        if self.sender_name:
            request["senderName"] = self.sender_name
        return self._request(
            f"{self.base_url}/smsmessaging/v1/outbound/{sender}/requests",
            data=json.dumps({"outboundSMSMessageRequest": request}).encode(),
            headers={"Authorization": f"Bearer {token}", "Accept": "application/json",
                     "Content-Type": "application/json"})

    def send(self, *, to: str, text: str) -> str:
        answer = self._post_sms(token=self._token(), to=to, text=text)
        if answer.status == 401:
            cache.delete(TOKEN_CACHE_KEY)
            answer = self._post_sms(token=self._token(fresh=True), to=to, text=text)
        if answer.status in _TEMPORARY_STATUSES:
            raise SmsTemporaryError(f"Orange SMS failed (HTTP {answer.status})")
        if answer.status not in (200, 201):
            error = answer.json().get("requestError", {})
            detail = next(iter(error.values()), {}) if isinstance(error, dict) else {}
            raise SmsRejected(f"Orange SMS refused the message (HTTP {answer.status}, "
                              f"{detail.get('messageId', 'no code')})")
        resource = answer.json().get("outboundSMSMessageRequest", {}).get("resourceURL", "")
        message_id = resource.rstrip("/").rsplit("/", 1)[-1] or "orange"
        logger.info("SMS sent through Orange (%s)", message_id)
        return message_id
