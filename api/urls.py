from csp.constants import SELF, UNSAFE_INLINE
from csp.decorators import csp_update
from django.urls import path, re_path
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularSwaggerSplitView

from api.views import auth, hotkeys, library, live, phrases, review, suggest
from api.views.fallback import not_found

# The split view serves its start-up script as a file, so no inline script runs; Swagger UI does
# inject its own <style> elements, so this one page allows inline styles (never inline scripts).
_docs = SpectacularSwaggerSplitView.as_view(url_name="api:schema")
for _report_only in (False, True):
    _docs = csp_update({"style-src": [SELF, UNSAFE_INLINE]}, REPORT_ONLY=_report_only)(_docs)

app_name = "api"
urlpatterns = [
    path("auth/token/", auth.TokenView.as_view(), name="token"),
    path("search/", live.SearchView.as_view(), name="search"),
    path("phrases/", phrases.PhraseListView.as_view(), name="phrases"),
    path("phrases/<slug:key>/", phrases.PhraseDetailView.as_view(), name="phrase"),
    path("phrases/<slug:key>/history/", review.HistoryView.as_view(), name="history"),
    path("phrases/<slug:key>/revert/", review.RevertView.as_view(), name="revert"),
    path("phrases/<slug:key>/submit/", review.SubmitView.as_view(), name="submit"),
    path("phrases/<slug:key>/approve/", review.ApproveView.as_view(), name="approve"),
    path("phrases/<slug:key>/reject/", review.RejectView.as_view(), name="reject"),
    path("phrases/<slug:key>/confirm/", review.ConfirmView.as_view(), name="confirm"),
    path("phrases/<slug:key>/dismiss/", review.DismissView.as_view(), name="dismiss"),
    path("phrases/<slug:key>/dismissals/", review.DismissalListView.as_view(), name="dismissals"),
    path("phrases/<slug:key>/dismissals/<int:dismissal_id>/", review.DismissalDetailView.as_view(),
         name="dismissal"),
    path("phrases/<slug:key>/used/", live.UsedView.as_view(), name="used"),
    path("suggest/", suggest.SuggestView.as_view(), name="suggest"),
    path("suggest/feedback/", suggest.SuggestFeedbackView.as_view(), name="suggest-feedback"),
    path("topics/", live.TopicsView.as_view(), name="topics"),
    path("lint/", live.LintView.as_view(), name="lint"),
    path("hotkeys/check/", hotkeys.HotkeyCheckView.as_view(), name="hotkey-check"),
    path("sync/", live.SyncView.as_view(), name="sync"),
    path("export/<str:export_format>/", live.ExportView.as_view(), name="export"),
    path("library/import/", library.ImportView.as_view(), name="import"),
    path("library/import/<uuid:job_id>/", library.ImportJobView.as_view(), name="import-job"),
    path("schema/", SpectacularJSONAPIView.as_view(), name="schema"),
    path("docs/", _docs, name="docs"),
    re_path(r"^[\s\S]*$", not_found, name="not-found"),
]
