"""Settings for Elinvoima: one file, driven by environment variables.

ELINVOIMA_ENV selects the profile: "development" (default, what `make run` uses) or
"production" (secure cookies, HSTS, SSL redirect; needs SECRET_KEY and ALLOWED_HOSTS).
DATABASE_URL selects the database; the default is an SQLite file under var/.
"""

import base64
import hashlib
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
if (BASE_DIR / ".env").exists():
    environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

ELINVOIMA_ENV = env.str("ELINVOIMA_ENV", default="development")
if ELINVOIMA_ENV not in {"development", "production"}:
    raise ImproperlyConfigured(
        f"ELINVOIMA_ENV must be 'development' or 'production', not {ELINVOIMA_ENV!r}"
    )
PRODUCTION = ELINVOIMA_ENV == "production"

DEBUG = env.bool("DEBUG", default=not PRODUCTION)
if PRODUCTION:
    SECRET_KEY = env.str("SECRET_KEY")
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
else:
    SECRET_KEY = env.str("SECRET_KEY", default="development-only-key-never-use-in-production")
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# Exercise counselling's data is encrypted at rest (elinvoima/counselling/crypto.py): Fernet
# keys, newest first (rotation), and the key of the identity codes' keyed hash. Production
# must set both; development and tests derive them from the SECRET_KEY.
if PRODUCTION:
    COUNSELLING_KEYS = env.list("ELINVOIMA_COUNSELLING_KEYS")
    COUNSELLING_HASH_KEY = env.str("ELINVOIMA_COUNSELLING_HASH_KEY")
else:
    _derived = [
        base64.urlsafe_b64encode(
            hashlib.sha256(f"elinvoima.counselling.{purpose}:{SECRET_KEY}".encode()).digest()
        ).decode("ascii")
        for purpose in ("data", "hash")
    ]
    COUNSELLING_KEYS = env.list("ELINVOIMA_COUNSELLING_KEYS", default=[_derived[0]])
    COUNSELLING_HASH_KEY = env.str("ELINVOIMA_COUNSELLING_HASH_KEY", default=_derived[1])
# Counselling records are kept this many years after the client's last period closed;
# then the keeper of the register erases them (manage.py counselling_erase_expired).
COUNSELLING_RETENTION_YEARS = env.int("ELINVOIMA_COUNSELLING_RETENTION_YEARS", default=12)

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before django.contrib.admin.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp_webauthn",
    "auditlog",
    "csp",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "elinvoima.core",
    "elinvoima.actors",
    "elinvoima.networks",
    "elinvoima.indicators",
    "elinvoima.strategy",
    "elinvoima.cards",
    "elinvoima.grants",
    "elinvoima.budgeting",
    "elinvoima.workshops",
    "elinvoima.reports",
    "elinvoima.practices",
    "elinvoima.counselling",
    "elinvoima.portal",
    "elinvoima.bench",
]

MIDDLEWARE = [
    # First: it sees every other layer's answer and makes each error under /api/ JSON.
    "elinvoima.core.middleware.ApiErrorsAsJsonMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After authentication: tells whether this login passed its second factor.
    "django_otp.middleware.OTPMiddleware",
    "elinvoima.core.middleware.RejectNulCharactersMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "elinvoima.core.middleware.FetchedFormRedirectMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    # Axes goes last: it turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "elinvoima" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "elinvoima.portal.context_processors.navigation",
            ],
        },
    },
    # Only where Django's engine is too slow for a page's benchmark (docs/performance.md,
    # "Pages"): templates in the apps' jinja2/ directories, environment in core/jinja2.py.
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"environment": "elinvoima.core.jinja2.environment"},
    },
]

# --- Database -------------------------------------------------------------------------------
DEFAULT_DATABASE_URL = f"sqlite:///{VAR_DIR / 'elinvoima.sqlite3'}"
DATABASE_URL = env.str("DATABASE_URL", default="") or DEFAULT_DATABASE_URL
_SUPPORTED_SCHEMES = ("sqlite://", "postgres://", "postgresql://", "pgsql://")
if not DATABASE_URL.startswith(_SUPPORTED_SCHEMES):
    raise ImproperlyConfigured(
        "DATABASE_URL must start with sqlite:// or postgres://, "
        f"got {DATABASE_URL.split(':', 1)[0]!r}"
    )
DATABASES = {"default": env.db_url_config(DATABASE_URL)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets the development server read while a background job writes.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts -------------------------------------------------------------------------------
AUTH_USER_MODEL = "actors.User"
AUTHENTICATION_BACKENDS = [
    # Axes first so a locked-out user is refused before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "elinvoima.core.validators.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "portal:dashboard"
LOGOUT_REDIRECT_URL = "portal:home"

# The second factor (django-otp): an authenticator app's time-based codes, or a security
# key (WebAuthn). Counselling pages ask for it (elinvoima/core/second_factor.py).
OTP_TOTP_ISSUER = "Elinvoima"
# The admin has no pages for anyone's second factor (elinvoima/core/admin.py); should one
# come back, it never shows an app's key or QR code.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# WebAuthn binds a key to the site's domain and origin: set both in production.
OTP_WEBAUTHN_RP_ID = env.str("WEBAUTHN_RP_ID", default="localhost")
OTP_WEBAUTHN_RP_NAME = "Elinvoima"
OTP_WEBAUTHN_ALLOWED_ORIGINS = env.list(
    "WEBAUTHN_ALLOWED_ORIGINS", default=["http://localhost:8000"]
)

# django-axes: lock a username + address pair after repeated failures.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=0.5)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)

# Login through an OpenID Connect provider (Suomi.fi, Keycloak), off unless configured.
OIDC_ENABLED = env.bool("OIDC_ENABLED", default=False)
if OIDC_ENABLED:
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.append("elinvoima.core.oidc.ElinvoimaOIDCBackend")
    OIDC_RP_CLIENT_ID = env.str("OIDC_RP_CLIENT_ID")
    OIDC_RP_CLIENT_SECRET = env.str("OIDC_RP_CLIENT_SECRET")
    OIDC_RP_SIGN_ALGO = env.str("OIDC_RP_SIGN_ALGO", default="RS256")
    OIDC_OP_AUTHORIZATION_ENDPOINT = env.str("OIDC_OP_AUTHORIZATION_ENDPOINT")
    OIDC_OP_TOKEN_ENDPOINT = env.str("OIDC_OP_TOKEN_ENDPOINT")
    OIDC_OP_USER_ENDPOINT = env.str("OIDC_OP_USER_ENDPOINT")
    OIDC_OP_JWKS_ENDPOINT = env.str("OIDC_OP_JWKS_ENDPOINT", default="")
    OIDC_RP_SCOPES = env.str("OIDC_RP_SCOPES", default="openid email profile")
    OIDC_PROVIDER_NAME = env.str("OIDC_PROVIDER_NAME", default="Suomi.fi")

# --- E-mail ---------------------------------------------------------------------------------
if env.str("EMAIL_URL", default=""):
    vars().update(env.email_url("EMAIL_URL"))
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Elinvoima <noreply@elinvoima.local>")

# --- Languages ------------------------------------------------------------------------------
LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Helsinki"
USE_THOUSAND_SEPARATOR = True
FORMAT_MODULE_PATH = ["elinvoima.formats"]
MODELTRANSLATION_DEFAULT_LANGUAGE = "fi"
MODELTRANSLATION_LANGUAGES = ("fi", "sv", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("fi", "sv", "en")}

# --- Static files ---------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [
    BASE_DIR / "elinvoima" / "static",
    # Front-end packages installed by npm at set-up, served from here, never from a CDN.
    ("vendor/hds", BASE_DIR / "node_modules" / "hds-core" / "lib"),
    ("vendor/htmx", BASE_DIR / "node_modules" / "htmx.org" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
if not PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise serves from the finders here
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
MEDIA_URL = "/media/"
# Files only their readers may fetch (grant applications' attachments): outside MEDIA_ROOT,
# which the proxy serves to anyone; the app serves them after asking the permission.
PRIVATE_ROOT = env.path("PRIVATE_ROOT", default=VAR_DIR / "private")

# --- Security -------------------------------------------------------------------------------
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
if PRODUCTION:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# Content-Security-Policy: no inline scripts or styles, nothing from other hosts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF] + env.list("CSP_FORM_ACTION", default=[]),
        "frame-ancestors": [NONE],
    },
}

# --- Background tasks -----------------------------------------------------------------------
# django-tasks with its database backend: no extra server; `manage.py db_worker` runs them.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# --- API ------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "elinvoima.core.api.Pagination",
    "DEFAULT_PARSER_CLASSES": [
        "elinvoima.core.api.JSONParser",
        "elinvoima.core.api.FormParser",
        "elinvoima.core.api.MultiPartParser",
    ],
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": [
        "elinvoima.core.filters.FilterBackend",
        "elinvoima.core.api.BoundedSearchFilter",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_SCHEMA_CLASS": "elinvoima.core.api_schema.AutoSchema",
    "EXCEPTION_HANDLER": "elinvoima.core.api.exception_handler",
    "DEFAULT_VERSIONING_CLASS": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Elinvoima API",
    "DESCRIPTION": "Municipalities, wellbeing counties and their shared wellbeing work.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Choice sets of fields named alike ("kind") in several components: one name each.
    "ENUM_NAME_OVERRIDES": {
        "ActivityKindEnum": "elinvoima.cards.enums.ActivityKind",
        "OrganisationKindEnum": "elinvoima.actors.enums.OrganisationKind",
        "PlanKindEnum": "elinvoima.strategy.enums.PlanKind",
        "ActionItemStatusEnum": "elinvoima.networks.enums.ActionItemStatus",
        "MeasureStatusEnum": "elinvoima.strategy.enums.MeasureStatus",
        "NetworkKindEnum": "elinvoima.networks.enums.NetworkKind",
        "CalendarItemKindEnum": "elinvoima.networks.enums.CalendarItemKind",
        "AgreementKindEnum": "elinvoima.networks.enums.AgreementKind",
        "ProgrammeKindEnum": "elinvoima.workshops.enums.ProgrammeKind",
        "RegistrationStateEnum": "elinvoima.workshops.enums.RegistrationState",
        "ClientSourceEnum": "elinvoima.counselling.enums.ClientSource",
    },
}

# --- Audit ----------------------------------------------------------------------------------
AUDITLOG_INCLUDE_ALL_MODELS = False

# --- Logging --------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

# --- Elinvoima ------------------------------------------------------------------------------
ELINVOIMA_DEMO_PASSWORD = env.str("ELINVOIMA_DEMO_PASSWORD", default="elinvoima-demo")
# Sotkanet import: the largest file the upload page takes (bigger ones are refused before
# they are read), and the REST API that `import_sotkanet --fetch` asks.
SOTKANET_UPLOAD_MAX_BYTES = env.int("SOTKANET_UPLOAD_MAX_BYTES", default=200 * 1024 * 1024)
SOTKANET_BASE_URL = env.str("SOTKANET_BASE_URL", default="https://sotkanet.fi/rest/1.1/")
