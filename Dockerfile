FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DJANGO_SETTINGS_MODULE=cms.settings.production
WORKDIR /app

COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

COPY . .
RUN SECRET_KEY=collectstatic-only DATABASE_URL=sqlite:////tmp/build.db python manage.py collectstatic --noinput

# var/: the file cache when REDIS_URL is not set (FILE_CACHE_DIR).
RUN useradd --system --home /app a4b && mkdir -p /app/media /app/var && chown a4b /app/media /app/var
USER a4b
EXPOSE 8000
CMD ["gunicorn", "cms.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "2"]
