"""How a test compares rows read past the ORM (`lms/core/prepared.py`) with the ORM's own."""

from django.db.models import Model


def as_loaded(instance: Model) -> list[tuple[str, object, type]]:
    """Every column's value and its Python type, as loaded (JSON, decimals, aware datetimes)."""
    return [(field.attname, getattr(instance, field.attname),
             type(getattr(instance, field.attname)))
            for field in instance._meta.concrete_fields]
