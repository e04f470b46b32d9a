"""The team's learning overview page: charts drawn on the server, each with a table."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET

from core.hooks import gather
from learnings import hooks
from learnings.access import teams_to_choose
from learnings.chooser import team_choices
from learnings.overview.chart import bar_chart, horizontal_bar_chart
from learnings.overview.selectors import Overview, learning_overview
from teams.access import visible_team_or_404
from teams.requests import SignedInRequest


def _chart_sections(data: Overview) -> list[dict]:
    """Each chart with the words around it: its id, description and table headings."""
    period = {
        "start": date_format(data.period_start, "N Y"),
        "end": date_format(data.period_end, "N Y"),
    }
    total = ngettext(
        "%(count)d læringspunkt fra %(start)s til %(end)s.",
        "%(count)d læringspunkter fra %(start)s til %(end)s.",
        data.total,
    ) % {"count": data.total, **period}
    theme_series = [(theme.name, theme.count) for theme in data.themes]
    if data.unthemed:
        theme_series.append((_("Uden tema"), data.unthemed))
    return [
        {
            "id": "chart-months",
            "heading": _("Pr. måned"),
            "chart": bar_chart(
                [(month.label, month.count) for month in data.months],
                title=_("Læringspunkter pr. måned"),
            ),
            "description": f"{total} {_('Tallene står også i tabellen.')}",
            "label_heading": _("Måned"),
            "empty": "",
        },
        {
            "id": "chart-themes",
            "heading": _("Pr. tema"),
            "chart": horizontal_bar_chart(theme_series, title=_("Læringspunkter pr. tema")),
            "description": " ".join(
                [
                    total,
                    _("Et læringspunkt kan have flere temaer."),
                    _("Tallene står også i tabellen."),
                ]
            ),
            "label_heading": _("Tema"),
            "empty": _("Teamet har ingen temaer endnu, og ingen punkter i perioden."),
        },
    ]


@login_required
@require_GET
def overview(request: SignedInRequest, slug: str) -> HttpResponse:
    team = visible_team_or_404(request.user, slug)
    data = learning_overview(team=team, today=timezone.localdate())
    regions, contributed = gather(hooks.overview, data)
    return render(
        request,
        "learnings/overview/overview.html",
        {
            "team": team,
            "team_choices": team_choices(
                teams=teams_to_choose(request.user),
                current=team,
                url_for=lambda each: reverse("learnings:overview", args=[each.slug]),
            ),
            "overview": data,
            "sections": _chart_sections(data),
            "regions": regions,
            **contributed,
        },
    )
