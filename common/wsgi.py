"""WSGI entry point for the whole suite on one server.

    gunicorn --bind 0.0.0.0:8000 "common.wsgi:suite"

serves the portal at / and the apps at /prison, /lims and /court from one process
(the Docker image's default command). Importing this module builds only the suite.

In production each app usually runs alone under gunicorn behind one host name, using
gunicorn's factory-call syntax and its SCRIPT_NAME environment variable for the prefix:

    SCRIPT_NAME=/prison gunicorn "prison_ims:create_app()"
    SCRIPT_NAME=/lims   gunicorn "lims:create_app()"
    SCRIPT_NAME=/court  gunicorn "court_cms:create_app()"
    gunicorn "common.portal:create_app()"

Settings come from the environment (see .env.example).
"""

from common.suite import create_suite

suite = create_suite()
