"""Integrity checks on a built site, as plain functions so that tests can also prove they catch planted faults."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.assets: list[tuple[str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.add(a["id"])
        if "name" in a and tag == "a":
            self.ids.add(a["name"])
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        if tag in ("script", "img", "iframe", "source", "audio", "video", "embed") and a.get("src"):
            self.assets.append((tag, a["src"]))
        if tag == "link" and a.get("href") and not set(a.get("rel", "").split()) & {"canonical", "alternate"}:
            self.assets.append((tag, a["href"]))


def _file_for(site: Path, path: str) -> Path | None:
    target = site / unquote(path).lstrip("/")
    if target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


def crawl(site: Path, base: str = "/") -> tuple[set[str], list[str]]:
    """Follow every internal link from the home page; return the pages reached and every problem found."""
    problems: list[str] = []
    parsed: dict[str, _Page] = {}
    queue = [base]
    seen: set[str] = set()
    anchors: list[tuple[str, str, str]] = []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        file = _file_for(site, url[len(base) - 1:])
        if file is None:
            continue
        page = _Page()
        page.feed(file.read_text(encoding="utf-8", errors="replace"))
        parsed[url] = page
        for tag, src in page.assets:
            if urlsplit(src).netloc or src.startswith("//"):
                problems.append(f"{url}: <{tag}> loads {src} from another host")
        for href in page.links:
            parts = urlsplit(href)
            if parts.scheme in ("mailto", "tel") or (parts.scheme in ("http", "https") and parts.netloc):
                continue
            absolute, fragment = urldefrag(urljoin(url, href))
            if not absolute.startswith(base):
                problems.append(f"{url}: link {href} leaves the site's path")
                continue
            if _file_for(site, absolute[len(base) - 1:]) is None:
                problems.append(f"{url}: broken link {href}")
                continue
            if fragment:
                anchors.append((url, absolute, fragment))
            if absolute.endswith("/") or absolute.endswith(".html"):
                queue.append(absolute)
    for url, target, fragment in anchors:
        target_page = parsed.get(target)
        if target_page is None:
            file = _file_for(site, target[len(base) - 1:])
            if file is None or file.suffix != ".html":
                continue
            target_page = _Page()
            target_page.feed(file.read_text(encoding="utf-8", errors="replace"))
            parsed[target] = target_page
        if unquote(fragment) not in target_page.ids:
            problems.append(f"{url}: broken anchor #{fragment} in {target}")
    return set(parsed), sorted(set(problems))


def offsite_css(site: Path) -> list[str]:
    """CSS url() references to other hosts."""
    found = []
    for css in site.rglob("*.css"):
        for match in re.finditer(r"url\(\s*['\"]?((?:https?:)?//[^)'\"]+)", css.read_text(encoding="utf-8", errors="replace")):
            found.append(f"{css.relative_to(site)}: {match.group(1)}")
    return found
