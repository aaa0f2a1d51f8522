from types import SimpleNamespace

import pytest

from django.core import mail

from lms.notifications.channels import NoAddress, Notice, notify
from lms.notifications.phones import InvalidPhone, phone_e164
from lms.notifications.sms.console import ConsoleBackend


@pytest.mark.parametrize(("raw", "expected"), [
    ("76 12 34 56", "+22376123456"),
    ("76123456", "+22376123456"),
    ("+223 76.12.34.56", "+22376123456"),
    ("0022376123456", "+22376123456"),
    ("223-76-12-34-56", "+22376123456"),
    ("(+223) 66 00 00 00", "+22366000000"),
    ("+33 6 12 34 56 78", "+33612345678"),  # another country's number stays as written
])
def test_numbers_become_e164(raw, expected):
    assert phone_e164(raw) == expected


@pytest.mark.parametrize("raw", ["", "7612345", "+223 76 12 34 5", "+2237612345678",
                                 "76 12 34 5a", "0076123456", "+0123456789"])
def test_what_is_not_a_number_is_refused(raw):
    with pytest.raises(InvalidPhone):
        phone_e164(raw)


NOTICE = Notice(subject="Suivi", body="Bonjour", sms="Cascade: suivi")


def test_email_first_then_sms_then_nothing(settings):
    settings.SMS_BACKEND = "lms.notifications.sms.console.MemoryBackend"
    from lms.notifications.sms.console import MemoryBackend

    MemoryBackend.outbox.clear()
    both = SimpleNamespace(email="a@example.org", phone="76123456")
    assert notify(person=both, notice=NOTICE).channel == "email"
    assert mail.outbox[-1].to == ["a@example.org"] and mail.outbox[-1].body == "Bonjour"
    phone_only = SimpleNamespace(email="", phone="76 12 34 56")
    assert notify(person=phone_only, notice=NOTICE).channel == "sms"
    assert MemoryBackend.outbox == [{"to": "+22376123456", "text": "Cascade: suivi"}]
    with pytest.raises(NoAddress):
        notify(person=SimpleNamespace(email="", phone="n/a"), notice=NOTICE)
    MemoryBackend.outbox.clear()


def test_the_console_backend_prints(capsys):
    assert ConsoleBackend().send(to="+22376123456", text="Bonjour").startswith("console-")
    assert "Bonjour" in capsys.readouterr().out
