"""Demo curriculum: three courses in English and French (`manage.py load_demo` calls load())."""

from .loader import load

__all__ = ["load"]
