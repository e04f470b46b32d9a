"""Full-text search of learning points, whatever the database.

PostgreSQL searches with its Danish configuration (stemming: "praktikker" finds "praktik");
SQLite, the embedded default, falls back to requiring every word somewhere in the text.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import Q, QuerySet


def search_points(queryset: QuerySet, query: str) -> QuerySet:
    words = query.split()
    if not words:
        return queryset
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        vector = SearchVector("text", config="danish")
        search = SearchQuery(query, config="danish", search_type="websearch")
        return (
            queryset.annotate(document=vector, rank=SearchRank(vector, search))
            .filter(document=search)
            .order_by("-rank", "-created_at")
        )
    for word in words:
        # SQLite folds case for ASCII only, so "Æble" and "æble" are tried both ways.
        queryset = queryset.filter(
            Q(text__icontains=word)
            | Q(text__contains=word.lower())
            | Q(text__contains=word.capitalize())
            | Q(text__contains=word.upper())
        )
    return queryset
