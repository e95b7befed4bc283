"""The Jinja environment for generated pages: escape by default, fail on any undefined name."""
from __future__ import annotations

import posixpath
from functools import cache, lru_cache
from typing import Any
from urllib.parse import urlencode

import jinja2
from markupsafe import Markup

from .. import settings, urls
from ..paths import ROOT, TEMPLATES
from ..publication import Publication, load
from ..transform import present
from .escape import attr, finalize, href, md_text, pre_text, safe_title, yaml_data, yaml_str


@lru_cache(maxsize=4096)
def _relative_dir(target_dir: str, here_dir: str) -> str:
    rel = posixpath.relpath(target_dir or ".", here_dir or ".")
    return "" if rel == "." else rel + "/"


def link(text: Any, target: str, here: str) -> Markup:
    """A Markdown link from docs page `here` to docs file `target`, both docs-relative paths."""
    folder, _, name = target.rpartition("/")
    return Markup(f"[{md_text(text)}]({_relative_dir(folder, posixpath.dirname(here))}{name})")


def table_row(cells: list[Any]) -> Markup:
    """One Markdown table row; each cell escaped unless it is already Markup."""
    return Markup("| " + " | ".join(str(finalize(c)) for c in cells) + " |")


def table_rule(columns: int) -> Markup:
    return Markup("| " + " | ".join(["---"] * columns) + " |")


def external(text: Any, url: str) -> Markup:
    return Markup(f"[{md_text(text)}]({href(url)})")


# The publication being generated: its title, address and repository, and its own templates. Set once per
# generation by `use`; templates read it as `publication`.
_current: Publication | None = None


def use(publication: Publication) -> None:
    global _current
    _current = publication


def current() -> Publication:
    """The publication being generated; this repository's own when none was selected (as every command defaults)."""
    if _current is None:
        use(load(ROOT))
    assert _current is not None
    return _current


def issue_url(template: str, title: str, **fields: str) -> str:
    """A prefilled 'new issue' address; every value is URL-encoded. Empty when the publication names no repository."""
    base = current().issues_new
    return base + "?" + urlencode({"template": template, "title": title, **fields}) if base else ""


@cache
def _environment(templates: str) -> jinja2.Environment:
    # The publication's own templates (its extra pages) first, then the engine's.
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([templates, str(TEMPLATES)]),
        autoescape=False,  # output is Markdown; `finalize` escapes every value for Markdown instead
        finalize=finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.do"],
    )
    env.filters.update(attr=attr, yaml=yaml_str, yaml_data=yaml_data, pre=pre_text, title=safe_title, value=present.value_text, amount=present.amount, date=present.date_text, period=present.period_text)
    env.globals.update(
        link=link, url=urls, external=external, table_row=table_row, table_rule=table_rule, issue_url=issue_url, settings=settings, present=present,
        SOURCE_KINDS=present.SOURCE_KINDS, STATUS=present.STATUS, KIND_LABELS=present.KIND_LABELS, ENTITY_KINDS=present.ENTITY_KINDS,
        VALUE_KINDS=present.VALUE_KINDS, STATUS_BASES=present.STATUS_BASES,
    )
    return env


def environment() -> jinja2.Environment:
    return _environment(str(current().templates))


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(publication=current(), **context)
