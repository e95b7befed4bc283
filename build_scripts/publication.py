"""A publication is a folder: its config (mkdocs.yml), facts/, narrative pages in docs/, the glossary in
includes/, and any pages of its own in templates/. The engine code holds nothing about any one publication.

Everything publication-specific is read from the folder's `mkdocs.yml`: the title (`site_name`), base URL
(`site_url`), navigation (`nav`, which the engine reads), and under `extra.publication` the repository, the
data licence, the glossary file and the publication's own generated pages. The same file is what every
engine (MkDocs, ProperDocs, Zensical) reads, so each setting is written once.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .diagnostics import Diagnostic

CONFIG = "mkdocs.yml"
# Where generation writes the complete Markdown an engine builds from (mkdocs.yml: docs_dir), below the folder.
OUT = Path("build") / "docs"


class _ConfigLoader(yaml.SafeLoader):
    """Safe YAML that reads an engine config: tags meant for the engine (`!!python/name:`, `!ENV`) read as text,
    never as objects. The engine loads the file itself; we only need a few plain values from it."""


def _tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_ConfigLoader.add_multi_constructor("!", _tagged)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _tagged)


@dataclass(frozen=True)
class ExtraPage:
    """A generated page the publication provides: its template (in the publication's templates/), where it
    goes below the generated folder, and the values the template is given."""

    template: str
    path: str
    params: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class Publication:
    root: Path
    title: str
    url: str
    description: str = ""
    name: str = ""  # a short machine name (the data package's), from extra.publication.name
    language: str = "en"
    repository: str = ""
    author: str = ""
    code_license: str = ""
    data_license: str = ""
    data_license_spdx: str = ""
    data_license_url: str = ""
    third_party_note: str = ""
    glossary: str = "includes/abbreviations.md"
    pages: tuple[ExtraPage, ...] = field(default_factory=tuple)

    @property
    def config_file(self) -> Path:
        return self.root / CONFIG

    @property
    def facts(self) -> Path:
        return self.root / "facts"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def out(self) -> Path:
        return self.root / OUT

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    @property
    def allowlist(self) -> Path:
        return self.root / "narrative-allowlist.yaml"

    @property
    def glossary_file(self) -> Path:
        return self.root / self.glossary

    @property
    def issues_new(self) -> str:
        return self.repository.rstrip("/") + "/issues/new" if self.repository else ""


class PublicationError(Exception):
    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.as_text())
        self.diagnostic = diagnostic


def _section(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key)
    return value if isinstance(value, dict) else {}


def load(root: Path) -> Publication:
    """The publication in folder `root`, from its mkdocs.yml. A missing or unreadable config is a located error."""
    root = root.absolute()
    path = root / CONFIG
    where = path.as_posix()
    if path.is_symlink() or not path.is_file():
        raise PublicationError(Diagnostic(where, 1, 1, "publication", "no mkdocs.yml in the publication folder (or it is a link)", "pass --publication with a folder that holds mkdocs.yml"))
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)  # noqa: S506 - a SafeLoader subclass
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        mark = getattr(exc, "problem_mark", None)
        raise PublicationError(Diagnostic(where, (mark.line + 1) if mark else 1, (mark.column + 1) if mark else 1, "publication", f"mkdocs.yml does not parse: {exc}")) from None
    if not isinstance(data, dict) or not isinstance(data.get("site_name"), str):
        raise PublicationError(Diagnostic(where, 1, 1, "publication", "mkdocs.yml needs a site_name", "the publication's title"))
    docs_dir = data.get("docs_dir", "docs")
    if Path(str(docs_dir)) != OUT:
        raise PublicationError(Diagnostic(where, 1, 1, "publication", f"docs_dir is {docs_dir!r}; the engine builds from the generated folder", f"set docs_dir: {OUT.as_posix()}"))
    extra = _section(_section(data, "extra"), "publication")
    pages = tuple(
        ExtraPage(str(p["template"]), str(p["path"]), tuple(sorted((k, v) for k, v in p.items() if k not in ("template", "path"))))
        for p in extra.get("pages") or []
    )
    theme = _section(data, "theme")
    text = {k: str(extra.get(k) or "") for k in ("name", "repository", "author", "code_license", "data_license", "data_license_spdx", "data_license_url", "third_party_note")}
    return Publication(root, data["site_name"], str(data.get("site_url") or ""), description=str(data.get("site_description") or ""), language=str(theme.get("language") or "en"),
                       glossary=str(extra.get("glossary") or "includes/abbreviations.md"), pages=pages, **text)
