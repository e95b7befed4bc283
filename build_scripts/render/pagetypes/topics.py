"""Topic pages (the facts filed under a topic) and the topics list."""
from __future__ import annotations

from ... import urls
from ...transform import present
from .base import Context, Output, list_page


def generate(ctx: Context, out: Output) -> None:
    index = ctx.index
    corpus = index.corpus
    topic_links = [(t.title, urls.topic_page(t.id), f"{present.count(len(index.by_topic.get(t.id, [])), 'fact').capitalize()}. {t.description}") for t in sorted(corpus.topics.values(), key=lambda t: t.title)]
    list_page(out, index, urls.index_page(urls.TOPICS), "Topics", "Facts filed by topic. The figures are also tagged by topic on the tags page.", links=[("", topic_links), ("Tags", [("Figures by tag", urls.TAGS, "")])])
    for topic in corpus.topics.values():
        list_page(out, index, urls.topic_page(topic.id), f"Topic: {topic.title}", topic.description, facts=index.by_topic.get(topic.id, []))
