"""The engine-neutral last step on a built site, in the scratch folder before the swap: every narrative page's
content through the sanitiser, then the charts a narrative page embeds put in place (they are generated from
facts, not written by contributors, so they go in after the sanitiser), and every chart link made relative to
its page. `build` runs it on the whole site whichever engine built it; under `mkdocs serve` the thin hook runs
`finish_page` on each page as it is built."""
from __future__ import annotations

from pathlib import Path

from . import sanitize
from .charts.embed import embed
from .charts.marks import SITE, relink
from .diagnostics import Diagnostic


def finish_page(html: str, depth_path: str, where: str, source: str | None, docs: Path) -> tuple[str, Diagnostic | None]:
    """One built page. `depth_path` has as many '/' as the page is folders deep (its URL or its file path);
    `source` is the narrative page's text, or None for a generated page."""
    if source is not None:
        done = sanitize.clean_page(html)
        if done is None:
            return html, Diagnostic(where, 1, 1, "docs-sanitised", "the page's content could not be found in the built HTML, so it could not be checked", "the theme's templates changed: update sanitize.clean_page")
        html, removed = done
        if removed:
            return html, sanitize.removal(where, source, removed)
        html = embed(html, docs)
    return (relink(html, depth_path) if f'href="{SITE}' in html else html), None


def finish_site(site: Path, narrative: dict[str, str], docs: Path) -> list[Diagnostic]:
    diags = []
    pages = {sanitize.output_html(page): page for page in narrative}
    for rel, page in sorted(pages.items()):
        if not (site / rel).is_file():
            diags.append(Diagnostic(f"docs/{page}", 1, 1, "docs-sanitised", f"the engine wrote no {rel} for this page, so it could not be checked"))
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        page = pages.get(rel, "")
        html = path.read_text(encoding="utf-8")
        done, problem = finish_page(html, rel, f"docs/{page}", narrative[page] if page else None, docs)
        if problem:
            diags.append(problem)
        elif done != html:
            path.write_text(done, encoding="utf-8")
    return diags
