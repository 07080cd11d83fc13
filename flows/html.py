"""HTML pages to text: the page's main text, without scripts, styles, navigation, link lists and
footers, and what the page's markup says about it (title, publication time, site name).

trafilatura does the work: it scores the page's blocks by text density and link density (with
readability and jusText as fallbacks) instead of trusting tag names, which is what makes it work
on the div soup of Chinese news sites, and it reads titles and dates from the markup (Open
Graph, schema.org, <time>, <title>). It runs offline on a string.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

_DATE_FORMAT = "%Y-%m-%d %H:%M:%S"
# Markup only (meta tags, <time>, structured data): the text's own date lines are read later by
# extractors.metadata, which knows the Chinese forms.
_DATE_PARAMS = {"outputformat": _DATE_FORMAT, "original_date": True, "extensive_search": False}


@dataclass(frozen=True, slots=True)
class HtmlPage:
    text: str
    title: str | None = None
    published_at: datetime | None = None
    site_name: str | None = None


def _clean_value(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _date(value: object) -> datetime | None:
    try:
        return datetime.strptime(value, _DATE_FORMAT) if isinstance(value, str) else None
    except ValueError:
        return None


def html_to_page(html: str) -> HtmlPage:
    """The main text (one paragraph a line) and the page's own metadata; text is "" when the
    page has none."""
    import trafilatura  # here, not at the top: ~13 MB a worker process that meets no HTML never loads

    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,  # reader comments are not the article
        include_tables=True,
        include_images=False,
        include_links=False,
        date_extraction_params=_DATE_PARAMS,
    )
    if document is None or not (document.text or "").strip():
        # No block looks like an article (a bare page, a fragment): keep all visible text and
        # let the cleaning rules drop what is chrome.
        return HtmlPage(text=(trafilatura.html2txt(html) or "").strip())
    return HtmlPage(
        text=document.text.strip(),
        title=_clean_value(document.title),
        published_at=_date(document.date),
        site_name=_clean_value(document.sitename),
    )
