"""Telling a person something: by e-mail when they have an address, else by SMS.

A channel sends one `Notice` to one person and says where it went (`Delivery`). `notify`
picks the channel; apps call it from their tasks, after claiming the notice (see
lms/followups/services.py), so a retry never sends the same notice twice.
"""

from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.core.mail import EmailMessage

from .phones import InvalidPhone, phone_e164
from .sms import SmsRejected, sms_backend


class Recipient(Protocol):
    email: str
    phone: str


@dataclass(frozen=True)
class Notice:
    subject: str
    body: str  # the e-mail's text
    sms: str  # the SMS's text: short (160 characters is one SMS), a link at most


@dataclass(frozen=True)
class Delivery:
    channel: str  # "email" | "sms"
    reference: str = ""  # the gateway's message id


class NoAddress(Exception):
    """The person has neither an e-mail address nor a usable phone number."""


class Channel:
    name = ""

    def reaches(self, person: Recipient) -> bool:
        raise NotImplementedError

    def send(self, *, person: Recipient, notice: Notice) -> Delivery:
        raise NotImplementedError


class EmailChannel(Channel):
    name = "email"

    def reaches(self, person: Recipient) -> bool:
        return bool(getattr(person, "email", ""))

    def send(self, *, person: Recipient, notice: Notice) -> Delivery:
        EmailMessage(subject=notice.subject, body=notice.body,
                     from_email=settings.DEFAULT_FROM_EMAIL, to=[person.email]).send()
        return Delivery(channel=self.name)


class SmsChannel(Channel):
    name = "sms"

    def reaches(self, person: Recipient) -> bool:
        try:
            phone_e164(getattr(person, "phone", ""))
        except InvalidPhone:
            return False
        return True

    def send(self, *, person: Recipient, notice: Notice) -> Delivery:
        try:
            to = phone_e164(person.phone)
        except InvalidPhone as exc:
            raise SmsRejected("not a phone number") from exc
        return Delivery(channel=self.name,
                        reference=sms_backend().send(to=to, text=notice.sms))


CHANNELS: list[Channel] = [EmailChannel(), SmsChannel()]


def channel_for(person: Recipient) -> Channel:
    for channel in CHANNELS:
        if channel.reaches(person):
            return channel
    raise NoAddress


def notify(*, person: Recipient, notice: Notice) -> Delivery:
    return channel_for(person).send(person=person, notice=notice)
