"""Orange's SMS API against a local fake server: token, sending, refusals, failures to retry,
and no secret in any error or log line."""

import logging
import socket

import pytest

from django.core.cache import cache
from django.test import override_settings

from lms.notifications.sms import SmsRejected, SmsTemporaryError
from lms.notifications.sms.orange import OrangeBackend
from tests.notifications.fake_orange import FakeOrange

CLIENT_ID, SECRET = "cascade-app", "s3cr3t-Client-Value"


@pytest.fixture
def orange():
    cache.clear()
    with FakeOrange(client_id=CLIENT_ID, client_secret=SECRET) as fake, override_settings(
            SMS_BACKEND="lms.notifications.sms.orange.OrangeBackend",
            SMS_ORANGE_BASE_URL=fake.url + "/", SMS_ORANGE_CLIENT_ID=CLIENT_ID,
            SMS_ORANGE_CLIENT_SECRET=SECRET, SMS_SENDER="+22300000000",
            SMS_SENDER_NAME="Cascade", SMS_TIMEOUT=3):
        yield fake
    cache.clear()


def test_sends_with_a_token_fetched_once(orange):
    backend = OrangeBackend()
    first = backend.send(to="+22376123456", text="Votre suivi à 3 mois")
    second = OrangeBackend().send(to="+22365000000", text="Deuxième")
    assert first.startswith("msg-") and second.startswith("msg-")
    assert orange.tokens_issued == 1  # kept in the cache for the next message
    sent = orange.sms_sent()
    assert sent[0] == {"address": "tel:+22376123456", "senderAddress": "tel:+22300000000",
                       "senderName": "Cascade",
                       "outboundSMSTextMessage": {"message": "Votre suivi à 3 mois"}}
    paths = [r["path"] for r in orange.requests]
    assert paths == ["/oauth/v3/token", "/smsmessaging/v1/outbound/tel:+22300000000/requests",
                     "/smsmessaging/v1/outbound/tel:+22300000000/requests"]


def test_an_expired_token_is_renewed_once(orange):
    OrangeBackend().send(to="+22376123456", text="un")
    orange.valid_tokens.clear()  # Orange revoked it before its expiry
    OrangeBackend().send(to="+22376123456", text="deux")
    assert orange.tokens_issued == 2
    assert len(orange.sms_sent()) == 3  # one refused with 401, then sent


def test_gateway_errors_are_temporary_and_refusals_are_not(orange):
    orange.sms_statuses = [503]
    with pytest.raises(SmsTemporaryError, match="HTTP 503"):
        OrangeBackend().send(to="+22376123456", text="x")
    orange.sms_statuses = [429]
    with pytest.raises(SmsTemporaryError):
        OrangeBackend().send(to="+22376123456", text="x")
    orange.sms_statuses = [400]
    with pytest.raises(SmsRejected, match="SVC0004"):
        OrangeBackend().send(to="+22376123456", text="x")
    assert OrangeBackend().send(to="+22376123456", text="x")  # the gateway is back


def test_bad_credentials_are_a_refusal_without_the_secret(orange, caplog):
    caplog.set_level(logging.DEBUG)
    with override_settings(SMS_ORANGE_CLIENT_SECRET="wrong-" + SECRET), \
            pytest.raises(SmsRejected) as refused:
        OrangeBackend().send(to="+22376123456", text="x")
    orange.token_statuses = [503]
    with pytest.raises(SmsTemporaryError) as down:
        OrangeBackend().send(to="+22376123456", text="x")
    for error in (refused.value, down.value):
        assert SECRET not in str(error) and CLIENT_ID not in str(error)
    OrangeBackend().send(to="+22376123456", text="x")
    assert SECRET not in caplog.text and "token-" not in caplog.text
    assert "Basic" not in caplog.text


def test_an_unreachable_gateway_is_temporary(orange):
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    with override_settings(SMS_ORANGE_BASE_URL=f"http://127.0.0.1:{port}"), \
            pytest.raises(SmsTemporaryError, match="unreachable"):
        OrangeBackend().send(to="+22376123456", text="x")


def test_missing_configuration_is_a_refusal():
    with override_settings(SMS_ORANGE_CLIENT_ID="", SMS_ORANGE_CLIENT_SECRET="",
                           SMS_SENDER=""), pytest.raises(SmsRejected, match="not configured"):
        OrangeBackend()
