"""The pages a publication provides itself (mkdocs.yml: extra.publication.pages), such as this briefing's
element table: each template, from the publication's templates/ folder, gets the site index, its own path and
the values its config entry gives, and renders through the same escaping environment as every page."""
from __future__ import annotations

from ..environment import current, render
from .base import Context, Output


def generate(ctx: Context, out: Output) -> None:
    for page in current().pages:
        out[page.path] = render(page.template, index=ctx.index, here=page.path, params=dict(page.params))
