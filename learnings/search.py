"""Full-text search of learning points, whatever the database.

PostgreSQL searches with its Danish configuration: words are stemmed ("praktikker" finds
"praktik"), the query is read as a web search ("første kontakt" -virksomhed), and the results
come best match first. SQLite, the embedded default, falls back to requiring every word of the
query somewhere in the text, in any case, Danish letters included.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import Q, QuerySet

# Web-search syntax that the fallback ignores: phrase quotes and the "-word" exclusion.
_SYNTAX = "\"'-"


def search_points(queryset: QuerySet, query: str) -> QuerySet:
    """The learning points of `queryset` that match `query`; all of them for an empty query."""
    query = query.strip()
    if not query:
        return queryset
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        vector = SearchVector("text", config="danish")
        search = SearchQuery(query, config="danish", search_type="websearch")
        return (
            queryset.annotate(document=vector, rank=SearchRank(vector, search))
            .filter(document=search)
            .order_by("-rank", "-created_at", "-id")
        )
    for word in query.split():
        word = word.strip(_SYNTAX)
        if not word:
            continue
        # SQLite folds case for ASCII letters only, so "Ældre", "ældre" and "ÆLDRE" are each
        # tried; icontains still folds the ASCII letters of the word.
        variants = {word, word.lower(), word.upper(), word.capitalize()}
        match = Q()
        for variant in variants:
            match |= Q(text__icontains=variant)
        queryset = queryset.filter(match)
    return queryset
