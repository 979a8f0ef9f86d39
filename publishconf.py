"""Settings for the published site: `make publish` (pelican content -s publishconf.py).

The public address is not written here: set CONSEIL_OUVERT_ORIGIN (for
example https://<your-domain>) so that feeds, the sitemap and sharing tags
carry absolute links to the right host.
"""

from __future__ import annotations

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

SITE_ORIGIN = os.environ.get("CONSEIL_OUVERT_ORIGIN", "")
if not SITE_ORIGIN.startswith(("https://", "http://")):
    raise SystemExit("publishconf: set CONSEIL_OUVERT_ORIGIN to the site's public address")
SITE_ORIGIN = SITE_ORIGIN.rstrip("/")
