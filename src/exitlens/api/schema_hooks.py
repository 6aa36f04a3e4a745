"""drf-spectacular's hooks, named in api/settings.py."""

from exitlens.api.views.base import ApiView


def only_this_api(endpoints):
    """Describe the views of /api/v1/ and nothing else the project may serve with DRF."""
    return [
        (path, path_regex, method, callback)
        for path, path_regex, method, callback in endpoints
        if issubclass(getattr(callback, "cls", object), ApiView)
    ]
