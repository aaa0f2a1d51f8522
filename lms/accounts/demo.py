"""Demo data for this app, loaded by `manage.py load_demo` (see lms/core/demo.py). Idempotent."""


def load() -> str:
    return "nothing yet"
