"""Settings that pages and citations use. Engine settings are constants here; everything about one publication
(title, address, description, repository, author, language, licences) is read from its folder's config
(mkdocs.yml; see publication.py), so `settings.SITE_NAME` is the title of the publication being generated."""
from __future__ import annotations

from typing import Any

PAGE_SIZE = 100  # list pages are split so that no page grows with the corpus

# Publication settings by their old names -> the Publication field that holds each.
_FROM_PUBLICATION = {
    "SITE_NAME": "title",
    "PACKAGE_NAME": "name",
    "SITE_URL": "url",
    "SITE_DESCRIPTION": "description",
    "REPO_URL": "repository",
    "ISSUES_NEW": "issues_new",
    "AUTHOR": "author",
    "LANGUAGE": "language",
    "CODE_LICENSE": "code_license",
    "DATA_LICENSE": "data_license",
    "DATA_LICENSE_SPDX": "data_license_spdx",
    "DATA_LICENSE_URL": "data_license_url",
    "THIRD_PARTY_NOTE": "third_party_note",
}


def __getattr__(name: str) -> Any:
    if name in _FROM_PUBLICATION:
        from .render.environment import current

        return getattr(current(), _FROM_PUBLICATION[name])
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)
