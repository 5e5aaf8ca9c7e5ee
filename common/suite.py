"""The whole suite on one server: portal at /, apps at /prison, /lims, /court."""

from werkzeug.middleware.dispatcher import DispatcherMiddleware


def create_suite(test_config=None):
    """WSGI app mounting the three apps under their prefixes beside the portal."""
    import court_cms
    import lims
    import prison_ims
    from common.portal import create_app as create_portal

    portal = create_portal(test_config)
    portal.wsgi_app = DispatcherMiddleware(
        portal.wsgi_app,
        {
            "/prison": prison_ims.create_app(test_config).wsgi_app,
            "/lims": lims.create_app(test_config).wsgi_app,
            "/court": court_cms.create_app(test_config).wsgi_app,
        },
    )
    return portal
