import os

from django.core.wsgi import get_wsgi_application

# Whatever Exitlens creates (the data folder, the database, uploads) is for its user only.
os.umask(0o077)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "exitlens.settings")

application = get_wsgi_application()
