"""Settings for every app, read from the environment with documented defaults."""

import os
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTANCE_DIR = Path(os.environ.get("JUSTICE_INSTANCE_DIR", ROOT / "instance"))

DEV_ONLY_SECRET = "dev-only-secret-change-me"  # noqa: S105 - refused in production


class ConfigError(RuntimeError):
    """A required production setting is missing or unsafe."""


def _env(name, default=None):
    return os.environ.get(name, default)


def default_database_url():
    """SQLite under instance/ for a first run; DATABASE_URL overrides."""
    return f"sqlite:///{INSTANCE_DIR / 'justice.db'}"


def normalise_database_url(url):
    """Use the psycopg2 driver for plain postgres URLs (SQLAlchemy 2.1 defaults to psycopg 3)."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg2://" + url[len(prefix) :]
    return url


def build_config(overrides=None):
    """Return the settings dict: defaults, then environment, then explicit overrides."""
    secret = _env("SECRET_KEY", DEV_ONLY_SECRET)
    cfg = {
        "JUSTICE_ENV": _env("JUSTICE_ENV", "development"),
        "SECRET_KEY": secret,
        "SQLALCHEMY_DATABASE_URI": normalise_database_url(
            _env("DATABASE_URL", default_database_url())
        ),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "AUDIT_KEY": _env("AUDIT_KEY", secret),
        "PSEUDONYM_KEY": _env("PSEUDONYM_KEY", secret + "-pseudonym"),
        "DISPLAY_TIMEZONE": _env("DISPLAY_TIMEZONE", "America/Belize"),
        # Sessions and cookies: one cookie for the whole suite, so one login serves all apps.
        "SESSION_COOKIE_NAME": "justice_session",
        "SESSION_COOKIE_PATH": "/",
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": _env("SESSION_COOKIE_SECURE", "0") == "1",
        "REMEMBER_COOKIE_SECURE": _env("SESSION_COOKIE_SECURE", "0") == "1",
        "REMEMBER_COOKIE_HTTPONLY": True,
        "PERMANENT_SESSION_LIFETIME": timedelta(minutes=int(_env("SESSION_MINUTES", "30"))),
        "SESSION_REFRESH_EACH_REQUEST": True,
        "MAX_CONTENT_LENGTH": int(_env("MAX_UPLOAD_MB", "20")) * 1024 * 1024,
        "WTF_CSRF_ENABLED": True,
        "WTF_CSRF_TIME_LIMIT": None,
        # Account lockout: after this many failures in a row the account is locked.
        "LOCKOUT_MAX_FAILURES": int(_env("LOCKOUT_MAX_FAILURES", "5")),
        "LOCKOUT_MINUTES": int(_env("LOCKOUT_MINUTES", "15")),
        # Rate limits (common/ratelimit.py): sign-in POSTs per client address, export API
        # requests per token. memory:// counts per worker process.
        "LOGIN_RATE_LIMIT": _env("LOGIN_RATE_LIMIT", "20 per minute"),
        "EXPORT_RATE_LIMIT": _env("EXPORT_RATE_LIMIT", "300 per minute"),
        "RATELIMIT_STORAGE_URI": _env("RATELIMIT_STORAGE_URI", "memory://"),
        "RATELIMIT_HEADERS_ENABLED": True,
        # Proxies in front that set X-Forwarded-For/-Proto (1 behind deploy/nginx.conf). 0
        # ignores the headers: a client could otherwise forge its address.
        "PROXY_FIX_HOPS": int(_env("PROXY_FIX_HOPS", "0")),
        # The person-index figures on each home page are recounted at most this often.
        "PERSON_SUMMARY_MAX_AGE_SECONDS": int(_env("PERSON_SUMMARY_MAX_AGE_SECONDS", "60")),
        # Roles that may not use the suite without TOTP two-factor set up.
        "TWO_FACTOR_REQUIRED_ROLES": ["admin"],
    }
    cfg.update(security_settings(secret))
    if overrides:
        cfg.update(overrides)
    cfg["SQLALCHEMY_DATABASE_URI"] = normalise_database_url(cfg["SQLALCHEMY_DATABASE_URI"])
    _tune_postgresql(cfg)
    return cfg


def _tune_postgresql(cfg):
    """Planner settings for each PostgreSQL connection (PG_RANDOM_PAGE_COST, empty: none).

    PostgreSQL's default random_page_cost (4) assumes spinning disks and leads it to hash a
    whole table rather than look up a few thousand rows by index; 1.1 is the usual value for
    SSDs and a cached working set. Behind PgBouncer, which refuses startup options, set it
    on the database instead (ALTER DATABASE … SET random_page_cost = 1.1) and leave this empty.
    """
    cost = _env("PG_RANDOM_PAGE_COST", "1.1")
    if not cost or not cfg["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
        return
    try:
        cost = float(cost)
    except ValueError:
        raise ConfigError(
            f"PG_RANDOM_PAGE_COST must be a number such as 1.1, not {cost!r}"
        ) from None
    options = dict(cfg.get("SQLALCHEMY_ENGINE_OPTIONS") or {})
    connect_args = dict(options.get("connect_args") or {})
    connect_args.setdefault("options", f"-c random_page_cost={cost}")
    options["connect_args"] = connect_args
    cfg["SQLALCHEMY_ENGINE_OPTIONS"] = options


def security_settings(secret):
    """Flask-Security-Too settings (hashing, password policy, two-factor)."""
    return {
        "SECURITY_PASSWORD_SALT": _env("SECURITY_PASSWORD_SALT", secret + "-salt"),
        "SECURITY_PASSWORD_HASH": "argon2",
        "SECURITY_PASSWORD_LENGTH_MIN": int(_env("PASSWORD_LENGTH_MIN", "12")),
        "SECURITY_PASSWORD_COMPLEXITY_CHECKER": "zxcvbn",
        "SECURITY_ZXCVBN_MINIMUM_SCORE": int(_env("PASSWORD_MIN_SCORE", "3")),
        "SECURITY_REGISTERABLE": False,
        "SECURITY_RECOVERABLE": False,
        "SECURITY_CHANGEABLE": True,
        "SECURITY_SEND_PASSWORD_CHANGE_EMAIL": False,
        "SECURITY_TRACKABLE": True,
        "SECURITY_TWO_FACTOR": True,
        "SECURITY_TWO_FACTOR_ENABLED_METHODS": ["authenticator"],
        "SECURITY_TWO_FACTOR_RESCUE_MAIL": "",
        "SECURITY_TOTP_SECRETS": {"1": _env("TOTP_SECRET", secret + "-totp")},
        "SECURITY_TOTP_ISSUER": "Belize Justice Suite",
        "SECURITY_TWO_FACTOR_ALWAYS_VALIDATE": True,
        "SECURITY_USERNAME_ENABLE": False,
        "SECURITY_POST_LOGIN_VIEW": "/",
        "SECURITY_POST_LOGOUT_VIEW": "/",
        "SECURITY_MSG_LOGIN": ("Please sign in to continue.", "info"),
        "SECURITY_FLASH_MESSAGES": True,
        "SECURITY_RETURN_GENERIC_RESPONSES": False,
        "SECURITY_CSRF_IGNORE_UNAUTH_ENDPOINTS": False,
        "SECURITY_URL_PREFIX": None,
        "SECURITY_TF_SETUP_URL": "/tf-setup",
    }


MIN_SECRET_LENGTH = 16


def check_production(cfg):
    """Refuse unsafe production settings (default, empty or short secrets)."""
    if cfg["JUSTICE_ENV"] != "production":
        return
    secrets = {
        "SECRET_KEY": cfg.get("SECRET_KEY"),
        "AUDIT_KEY": cfg.get("AUDIT_KEY"),
        "PSEUDONYM_KEY": cfg.get("PSEUDONYM_KEY"),
        "SECURITY_PASSWORD_SALT": cfg.get("SECURITY_PASSWORD_SALT"),
        "TOTP_SECRET": (cfg.get("SECURITY_TOTP_SECRETS") or {}).get("1"),
    }
    for key, value in secrets.items():
        value = str(value or "")
        if DEV_ONLY_SECRET in value or len(value) < MIN_SECRET_LENGTH:
            raise ConfigError(
                f"{key} must be set in the environment to a random value of at "
                f"least {MIN_SECRET_LENGTH} characters when JUSTICE_ENV=production"
            )
