"""SMS backends, chosen by the SMS_BACKEND setting (a dotted path), as Django's EMAIL_BACKEND.

A backend sends one text to one E.164 number and returns the gateway's message id. It raises
`SmsTemporaryError` when trying again later may work (gateway down, 5xx, timeouts, throttled)
and `SmsRejected` when it will not (a refused number, bad credentials): the tasks retry the
first and record the second. Exceptions never carry the credentials or the token.
"""

from django.conf import settings
from django.utils.module_loading import import_string


class SmsError(Exception):
    pass


class SmsTemporaryError(SmsError):
    pass


class SmsRejected(SmsError):
    pass


class BaseSmsBackend:
    def send(self, *, to: str, text: str) -> str:
        raise NotImplementedError


def sms_backend() -> BaseSmsBackend:
    return import_string(settings.SMS_BACKEND)()
