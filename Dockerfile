# One image for every service of the Belize justice suite: the portal, Prison IMS,
# forensic LIMS and court case tracker, and the `justice` command (migrations, users).
#
#   docker build -t belize-justice:latest .
#
# The default command serves the whole suite (portal at /, apps at /prison, /lims,
# /court) from one gunicorn; docker-compose.yml runs each app as its own service instead.

FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    JUSTICE_ENV=production \
    JUSTICE_INSTANCE_DIR=/var/lib/justice

RUN groupadd --system --gid 10001 justice \
    && useradd --system --uid 10001 --gid justice --home-dir /app \
       --shell /usr/sbin/nologin justice

WORKDIR /app

# Dependencies first, from pyproject.toml alone, so code changes reuse this layer.
COPY pyproject.toml ./
RUN python -c "import tomllib; deps = tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']; open('/tmp/requirements.txt', 'w').write(chr(10).join(deps))" \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

# The repository layout is kept: templates/, static/ and migrations/ are found next to
# the packages, so the project is installed in place (editable) from /app.
COPY . .
RUN pip install --no-deps -e . \
    && mkdir -p "$JUSTICE_INSTANCE_DIR" \
    && chown -R justice:justice "$JUSTICE_INSTANCE_DIR"

USER justice

EXPOSE 8000

CMD ["gunicorn", "--bind", "0.0.0.0:8000", "--workers", "3", "--worker-tmp-dir", "/dev/shm", "--access-logfile", "-", "common.wsgi:suite"]
