"""Benchmark only: the project's WSGI app plus PostgreSQL full-text search at /api/v1/fts-search/.

Served by the same gunicorn, Django, DRF, authentication and permission stack as /api/v1/search/, so
benchmarks/serving.py compares the two search engines and nothing else. Never part of the product:
`gunicorn -c config/gunicorn.conf.py benchmarks.fts_app` is what the benchmark starts.
"""
# ruff: noqa: I001  (Django must be set up, by config.wsgi, before the project's modules are imported)
from config.wsgi import application  # also preloads the search index under gunicorn

from django.conf import settings
from django.urls import include, path
from rest_framework.response import Response
from rest_framework.views import APIView

from api.permissions import CanReadLive

FTS_VECTOR = "to_tsvector('simple', title || ' ' || body)"
FTS_INDEX_SQL = f"CREATE INDEX IF NOT EXISTS bench_live_fts ON phrases_livephrase USING GIN ({FTS_VECTOR})"


class FullTextSearchView(APIView):
    """GET ?q=&language=&limit=: live phrases ranked by ts_rank over a GIN expression index."""

    permission_classes = (CanReadLive,)

    def get(self, request):
        from django.db import connection

        query = request.query_params.get("q", "")[:200]
        language = request.query_params.get("language")
        limit = min(max(int(request.query_params.get("limit", 10)), 1), 50)
        sql = (f"SELECT l.key, l.title, l.body, t.slug, l.language, l.shortcut, l.hotkey, "
               f"ts_rank({FTS_VECTOR}, q) AS rank FROM phrases_livephrase l "
               f"JOIN phrases_topic t ON t.id = l.topic_id, plainto_tsquery('simple', %s) q "
               f"WHERE {FTS_VECTOR} @@ q" + (" AND l.language = %s" if language else "")
               + " ORDER BY rank DESC, l.key LIMIT %s")
        params = [query] + ([language] if language else []) + [limit]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        return Response({"results": [
            {"key": key, "title": title, "body": body, "topic": topic, "language": lang, "shortcut": shortcut or None,
             "hotkey": hotkey or None, "score": float(rank)}
            for key, title, body, topic, lang, shortcut, hotkey, rank in rows]})


urlpatterns = [path("api/v1/fts-search/", FullTextSearchView.as_view()), path("", include(settings.ROOT_URLCONF))]
settings.ROOT_URLCONF = __name__
__all__ = ["application"]
