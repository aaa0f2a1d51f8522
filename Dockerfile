# One image for every Cascade process (web, worker, beat, migrate): see compose.yaml.
FROM python:3.12-slim

ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 \
    UV_PROJECT_ENVIRONMENT=/app/.venv UV_LINK_MODE=copy UV_PYTHON_DOWNLOADS=never \
    DJANGO_SETTINGS_MODULE=lms.settings.production PATH=/app/.venv/bin:$PATH
WORKDIR /app

RUN pip install --no-cache-dir uv
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev --no-install-project
COPY . .
# Static files are baked into the image and served by WhiteNoise; the key is for this step only.
RUN SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput \
    && useradd --system --home /app cascade
USER cascade

EXPOSE 8000
# Threads, as measured (README, Performance: gunicorn configuration): one process per core
# (WEB_CONCURRENCY, read by gunicorn), four threads each to cover the waits on PostgreSQL.
ENV WEB_CONCURRENCY=2
CMD ["gunicorn", "lms.wsgi:application", "--bind", "0.0.0.0:8000", \
     "--worker-class", "gthread", "--threads", "4", "--access-logfile", "-"]
