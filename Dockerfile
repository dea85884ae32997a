# syntax=docker/dockerfile:1
#
# SKT case-management system: one image for the web process (gunicorn), the Celery worker,
# Celery beat and the one-shot migrate job. See docker-compose.yml and README.md.

# ---- Stage 1: the front-end packages (served as static files, no build step) ----
# Node only lives in this stage; the final image carries just the three package folders.
FROM node:20-bookworm-slim AS static-packages
WORKDIR /build
COPY package.json package-lock.json* ./
RUN if [ -f package-lock.json ]; then \
        npm ci --omit=dev --no-audit --no-fund; \
    else \
        npm install --omit=dev --no-audit --no-fund; \
    fi

# ---- Stage 2: the application ----
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# WeasyPrint (PDF for the raad) needs Pango and HarfBuzz; DejaVu gives it a font.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

# An unprivileged user with a writable home: matplotlib and fontconfig keep caches there.
RUN groupadd --system --gid 10001 skt \
    && useradd --system --uid 10001 --gid skt --create-home --home-dir /home/skt \
        --shell /usr/sbin/nologin skt

WORKDIR /app

# Dependencies first, so a code change does not reinstall them. pyproject.toml lists no
# packages (`packages = []`): `pip install .` installs only the dependencies; the code is
# run from /app below. README.md is needed because pyproject.toml names it as the readme.
COPY pyproject.toml README.md ./
RUN pip install . && rm -rf build ./*.egg-info

COPY --from=static-packages /build/node_modules/@utrecht ./node_modules/@utrecht
COPY --from=static-packages /build/node_modules/@nl-design-system-unstable ./node_modules/@nl-design-system-unstable
COPY --from=static-packages /build/node_modules/htmx.org ./node_modules/htmx.org

COPY . .

ENV DJANGO_SETTINGS_MODULE=skt.settings \
    SKT_VAR_DIR=/app/var \
    STATIC_ROOT=/app/static_root \
    MEDIA_ROOT=/app/var/media

# collectstatic needs no secrets or database: without SECRET_KEY the settings fall back to a
# placeholder that is only used here (the deploy check refuses it at run time).
# The code and static files stay owned by root (read-only for the app); only var/ is writable.
RUN python manage.py collectstatic --noinput \
    && mkdir -p /app/var/media \
    && chown -R skt:skt /app/var

USER skt
EXPOSE 8000

CMD ["gunicorn", "skt.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
