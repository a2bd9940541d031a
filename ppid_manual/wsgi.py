import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ppid_manual.settings")

application = get_wsgi_application()

# The worker's first document is printed as fast as the next (WeasyPrint and the fonts loaded
# now, not while the pemohon waits for the receipt).
from ppid_manual.workflow.pdf import warm_up  # noqa: E402  (after Django is set up)

warm_up()
