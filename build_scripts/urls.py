"""The one place that decides where every generated page and file lives.

Addresses are docs-relative paths (`facts/<id>.md`), the form `render.environment.link` turns into a relative
link from any page and `transform.cite.page_url` into an absolute address. Page-type modules, templates (as the
`url` global), narrative footnotes and charts all ask here; no other module spells a generated path.
"""
from __future__ import annotations

# Folders of the generated site that hold generated pages, defined once (paths.GENERATED_DOC_DIRS is this tuple).
FACTS, SOURCES, ENTITIES, METRICS, TOPICS, TIMELINE, CHARTS, DATA, REFERENCE, CORRECTIONS = (
    "facts", "sources", "entities", "metrics", "topics", "timeline", "charts", "data", "reference", "corrections",
)
GENERATED_FOLDERS = (FACTS, SOURCES, ENTITIES, METRICS, TOPICS, TIMELINE, DATA, CHARTS, REFERENCE, CORRECTIONS)
INDEX = "index.md"
TAGS = "tags.md"


def directory_url(path: str) -> str:
    """A page's address relative to the site root as the engine publishes it (directory URLs): facts/x.md -> facts/x/."""
    if path.endswith(INDEX):
        return path.removesuffix(INDEX)
    return path.removesuffix(".md") + "/" if path.endswith(".md") else path


def index_page(folder: str) -> str:
    """The first page of a folder's list: facts/index.md, sources/index.md, ..."""
    return f"{folder}/{INDEX}"


def list_page(folder: str, stem: str, number: int) -> str:
    """The second and later pages of a list: <folder>/pages/<stem>-<n>.md (the first page is its own address)."""
    return f"{folder}/pages/{stem}-{number}.md"


def fact_page(fact_id: str) -> str:
    return f"{FACTS}/{fact_id}.md"


def fact_json(fact_id: str) -> str:
    return f"{DATA}/facts/{fact_id}.json"


def source_page(source_id: str) -> str:
    return f"{SOURCES}/{source_id}.md"


def snapshot_page(source_id: str, paragraph: int | None = None) -> str:
    """A source's snapshot as a readable page; with a paragraph, the anchor of that paragraph (#p-N, as locators count)."""
    page = f"{SOURCES}/{source_id}/text.md"
    return f"{page}#{paragraph_anchor(paragraph)}" if paragraph else page


def paragraph_anchor(paragraph: int) -> str:
    return f"p-{paragraph}"


def snapshot_file(file: str) -> str:
    return f"{DATA}/snapshots/{file}"


def entity_page(entity_id: str) -> str:
    return f"{ENTITIES}/{entity_id}.md"


def metric_page(metric_id: str) -> str:
    return f"{METRICS}/{metric_id}.md"


def topic_page(topic_id: str) -> str:
    return f"{TOPICS}/{topic_id}.md"


def timeline_page(name: str = "index") -> str:
    """The whole timeline (index) or one of its filtered views (actor-<id>, topic-<id>)."""
    return f"{TIMELINE}/{name}.md"


def actor_timeline_name(entity_id: str) -> str:
    return f"actor-{entity_id}"


def topic_timeline_name(topic_id: str) -> str:
    return f"topic-{topic_id}"


def actor_timeline(entity_id: str) -> str:
    return timeline_page(actor_timeline_name(entity_id))


def topic_timeline(topic_id: str) -> str:
    return timeline_page(topic_timeline_name(topic_id))


def charts_page(number: int = 1) -> str:
    return index_page(CHARTS) if number == 1 else list_page(CHARTS, "charts", number)


def chart_file(chart_id: str, extension: str) -> str:
    """A chart's download: svg, csv or vl.json."""
    return f"{CHARTS}/{chart_id}.{extension}"


def data_file(name: str) -> str:
    """A file of the open-data folder: a table (facts.csv), a record dump (facts.json), the package or citation files."""
    return f"{DATA}/{name}"


def schema_file(name: str) -> str:
    return f"{DATA}/schemas/{name}"


def data_page() -> str:
    return index_page(DATA)


def schema_reference() -> str:
    return index_page(REFERENCE)


def elements_page() -> str:
    return f"{REFERENCE}/elements.md"


def corrections_page(number: int = 1) -> str:
    return index_page(CORRECTIONS) if number == 1 else list_page(CORRECTIONS, "corrections", number)


def corrections_feed() -> str:
    return f"{CORRECTIONS}/feed.xml"


def moved_page(folder: str, old_id: str) -> str:
    """Where a renamed record's old address is kept alive by a redirect page."""
    return f"{folder}/{old_id}/index.html"


def moved_target(new_id: str) -> str:
    """The redirect's target, relative to moved_page: the record's page under its new id."""
    return f"../{new_id}/"
