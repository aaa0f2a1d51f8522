"""Keep personal data out of the logs whatever a library chooses to log.

Trainees sign in with their phone number as username and many log lines quote usernames, paths
or form values: every record going to a handler is rewritten with e-mail addresses and phone
numbers masked. Log files travel (support tickets, shared servers); the roster does not.
"""

import logging
import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# An optional international prefix (+223, 00223), then 8 to 15 digits in one run or Malian-style
# pairs with one consistent separator ("76 12 34 56"). Dates and times do not match.
PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)\d{1,3}[\s.-]?)?(?:\d{8,15}|\d{2}([\s.-])\d{2}\1\d{2}\1\d{2})(?!\w)"
)
MASK_EMAIL = "[email]"
MASK_PHONE = "[phone]"


def redact(text: str) -> str:
    return PHONE.sub(MASK_PHONE, EMAIL.sub(MASK_EMAIL, text))


class RedactPersonalData(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return True
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True
