"""Prints each SMS on standard output (the default): nothing leaves the machine."""

import itertools
import sys

from . import BaseSmsBackend

_ids = itertools.count(1)


class ConsoleBackend(BaseSmsBackend):
    def __init__(self, stream=None) -> None:
        self.stream = stream or sys.stdout

    def send(self, *, to: str, text: str) -> str:
        message_id = f"console-{next(_ids)}"
        self.stream.write(f"SMS to {to} ({message_id}):\n{text}\n{'-' * 40}\n")
        self.stream.flush()
        return message_id


class MemoryBackend(BaseSmsBackend):
    """Keeps the messages in `MemoryBackend.outbox` (tests), like Django's locmem e-mail."""

    outbox: list[dict] = []

    def send(self, *, to: str, text: str) -> str:
        MemoryBackend.outbox.append({"to": to, "text": text})
        return f"memory-{len(MemoryBackend.outbox)}"
