"""Settings from the environment: Django's deploy check, migrations in step, Dutch defaults, eager Celery.

The subprocesses start from a clean environment (not the test run's SKT_HTTPS=0 or DATABASE_URL),
so they see what a fresh production or demo machine would see.
"""

import json
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

PYTHON = sys.executable
MANAGE = str(settings.BASE_DIR / "manage.py")


def schone_omgeving(var_dir, **variabelen) -> dict[str, str]:
    # SKT_VAR_DIR keeps any SQLite file a command opens out of the project's var/.
    return {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "SKT_VAR_DIR": str(var_dir),
        **variabelen,
    }


def draai(args, env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [PYTHON, *args], env=env, cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=240
    )


def productie(var_dir, **anders) -> dict[str, str]:
    env = schone_omgeving(
        var_dir, DEBUG="0", ALLOWED_HOSTS="skt.example.nl", SECRET_KEY=secrets.token_urlsafe(60)
    )
    env.update(anders)
    return {k: v for k, v in env.items() if v is not None}


def test_deploy_check_slaagt_voor_een_productieomgeving(tmp_path):
    uitkomst = draai([MANAGE, "check", "--deploy", "--fail-level", "WARNING"], productie(tmp_path))
    assert uitkomst.returncode == 0, uitkomst.stdout + uitkomst.stderr
    assert "no issues" in uitkomst.stdout


def test_deploy_check_weigert_de_demomodus(tmp_path):
    uitkomst = draai(
        [MANAGE, "check", "--deploy", "--fail-level", "WARNING"], productie(tmp_path, SKT_DEMO="1")
    )
    assert uitkomst.returncode != 0
    assert "skt.E001" in uitkomst.stderr


def test_deploy_check_weigert_de_standaard_secret_key(tmp_path):
    uitkomst = draai(
        [MANAGE, "check", "--deploy", "--fail-level", "WARNING"], productie(tmp_path, SECRET_KEY=None)
    )
    assert uitkomst.returncode != 0
    assert "security.W009" in uitkomst.stderr


def test_deploy_check_weigert_debug(tmp_path):
    uitkomst = draai([MANAGE, "check", "--deploy", "--fail-level", "WARNING"], productie(tmp_path, DEBUG="1"))
    assert uitkomst.returncode != 0
    assert "security.W018" in uitkomst.stderr


def test_migraties_lopen_gelijk_met_de_modellen(tmp_path):
    uitkomst = draai([MANAGE, "makemigrations", "--check", "--dry-run"], schone_omgeving(tmp_path))
    assert uitkomst.returncode == 0, uitkomst.stdout + uitkomst.stderr


LEES_INSTELLINGEN = """
import json, os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "skt.settings")
import django
django.setup()
from django.conf import settings as s
print(json.dumps({naam: getattr(s, naam) for naam in %r}, default=str))
"""


def instellingen(var_dir, namen, **variabelen) -> dict:
    uitkomst = draai(["-c", LEES_INSTELLINGEN % (list(namen),)], schone_omgeving(var_dir, **variabelen))
    assert uitkomst.returncode == 0, uitkomst.stderr
    return json.loads(uitkomst.stdout.strip().splitlines()[-1])


def test_zonder_redis_draait_celery_in_het_proces(tmp_path):
    waarden = instellingen(tmp_path, ["CELERY_TASK_ALWAYS_EAGER", "CELERY_BROKER_URL"])
    assert waarden == {"CELERY_TASK_ALWAYS_EAGER": True, "CELERY_BROKER_URL": "memory://"}


def test_met_redis_gaan_taken_naar_de_broker(tmp_path):
    waarden = instellingen(
        tmp_path, ["CELERY_TASK_ALWAYS_EAGER", "CELERY_BROKER_URL"], REDIS_URL="redis://redis:6379/0"
    )
    assert waarden == {"CELERY_TASK_ALWAYS_EAGER": False, "CELERY_BROKER_URL": "redis://redis:6379/0"}


def test_standaard_is_veilig_debug_uit_en_https_aan(tmp_path):
    waarden = instellingen(
        tmp_path,
        [
            "DEBUG",
            "SKT_DEMO",
            "SECURE_SSL_REDIRECT",
            "SESSION_COOKIE_SECURE",
            "CSRF_COOKIE_SECURE",
            "ALLOWED_HOSTS",
        ],
    )
    assert waarden == {
        "DEBUG": False,
        "SKT_DEMO": False,
        "SECURE_SSL_REDIRECT": True,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "ALLOWED_HOSTS": [],
    }


@pytest.mark.parametrize(
    "naam, waarde",
    [("LANGUAGE_CODE", "nl"), ("TIME_ZONE", "Europe/Amsterdam"), ("AUTH_USER_MODEL", "skt.Medewerker")],
)
def test_nederlandse_standaarden(naam, waarde):
    assert getattr(settings, naam) == waarde


def test_axes_blokkeert_op_gebruikersnaam_en_ip_samen():
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert settings.AXES_FAILURE_LIMIT == 5
