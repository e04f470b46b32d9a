"""A five-page guideline rendered to PDF, timed, with its peak memory, against bare WeasyPrint.

Run with `make bench` or `.venv/bin/python -m pytest bench/test_product_pdf.py --benchmark-only`.
Targets (issue 13): the app's whole render (context, template, layout) at most 1.5 times bare
WeasyPrint laying out the same HTML, in rounds that alternate the two on the same machine;
under 1.5 s and 150 MB on the development machine.
"""

import io
import resource
import statistics
import sys
import time
import tracemalloc

from pypdf import PdfReader
from weasyprint import HTML

from core.pdf import layout_html
from products.export import TEMPLATE_NAME, pdf_context, render_version_pdf
from tests.products.conftest import make_product

TARGET_SECONDS = 1.5
TARGET_MB = 150
TARGET_RATIO = 1.5
PAIRED_ROUNDS = 5

ROW = [
    "**Afklaring.** Når den sygemeldte ikke kan vende tilbage til sine hidtidige opgaver, "
    "behandlingsmulighederne er udtømte, og det er undersøgt, om hjælpemidler kan fastholde "
    "borgeren i jobbet. Lægelig dokumentation for symptomer og skånehensyn foreligger.",
    "Afklaring af arbejdsevnen, af fagområdet eller af andre funktioner på arbejdspladsen.",
    "Sygedagpenge eller ressourceforløbsydelse under jobafklaring.",
    "Plan for indsatsen; rehabiliteringsplanens forberedende del ved optræning.",
]
PARAGRAPH = (
    "Vurderingen bygger på en helhedsvurdering af borgerens situation: personlige, sociale "
    "og faglige ressourcer. Borgerens egne mål står i planen, før vi vælger praktiksted, og "
    "jobkonsulenten ved fra første dag, hvad praktikken skal vise. Vi følger op mindst hver "
    "fjerde uge og skriver kort i sagen, hvad vi aftalte, og hvorfor (§ 42, æøå ÆØÅ)."
)


def five_page_guideline() -> dict:
    return {
        "purpose": PARAGRAPH + "\n\n- Hvornår?\n- Hvordan?\n- Med hvem?",
        "legal_basis": "Lov om en aktiv beskæftigelsesindsats § 42 om virksomhedspraktik.",
        "sections": [
            {
                "title": "Hvornår og hvordan vi bruger virksomhedspraktik",
                "kind": "table",
                "columns": [
                    "Anvendes til",
                    "Mål for indsatsen",
                    "Forsørgelse",
                    "Administrative krav",
                ],
                "rows": [ROW] * 14,
            },
            *(
                {
                    "title": f"Faglige pejlemærker {number}",
                    "kind": "text",
                    "text": "\n\n".join([PARAGRAPH] * 3)
                    + "\n\n- Første punkt om opfølgning\n- Andet punkt om dokumentation",
                }
                for number in range(1, 6)
            ),
        ],
        "tools": [
            {"number": f"DOK-2024-{number}", "title": "Skema til opfølgning hos virksomheden"}
            for number in range(10, 22)
        ],
        "references": [
            {"kind": "law_guide", "title": "Tilbud om virksomhedspraktik", "url": ""},
            {
                "kind": "letter",
                "title": "Retsinformation",
                "url": "https://www.retsinformation.dk/",
            },
            {"kind": "principle_decision", "title": "Ingen relevante", "url": ""},
        ],
    }


def _max_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def test_render_a_five_page_guideline(benchmark, world):
    product = make_product(world, content=five_page_guideline())
    version = product.latest_version

    def render() -> bytes:
        return render_version_pdf(product=product, version=version)

    rss_before = _max_rss_mb()
    started = time.perf_counter()
    data = render()  # the first render also loads fonts and hyphenation dictionaries
    first_seconds = time.perf_counter() - started
    rss_growth = _max_rss_mb() - rss_before
    tracemalloc.start()
    render()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    peak_mb = peak / (1024 * 1024)

    data = benchmark.pedantic(render, rounds=5, iterations=1, warmup_rounds=0)
    pages = len(PdfReader(io.BytesIO(data)).pages)

    # Bare WeasyPrint on the same HTML (the template's stylesheet is inline: nothing to fetch),
    # alternating with the app's render so that both meet the same load.
    html = layout_html(TEMPLATE_NAME, pdf_context(product=product, version=version))
    app_seconds, bare_seconds = [], []
    for _round in range(PAIRED_ROUNDS):
        started = time.perf_counter()
        render()
        app_seconds.append(time.perf_counter() - started)
        started = time.perf_counter()
        bare = HTML(string=html).write_pdf()
        bare_seconds.append(time.perf_counter() - started)
    ratio = statistics.median(app_seconds) / statistics.median(bare_seconds)
    bare_pages = len(PdfReader(io.BytesIO(bare)).pages)
    benchmark.extra_info.update(
        {
            "pages": pages,
            "first_render_seconds": round(first_seconds, 3),
            "python_peak_mb": round(peak_mb, 1),
            "max_rss_growth_mb": round(rss_growth, 1),
            "max_rss_mb": round(_max_rss_mb(), 1),
            "app_median_seconds": round(statistics.median(app_seconds), 3),
            "bare_weasyprint_median_seconds": round(statistics.median(bare_seconds), 3),
            "ratio_app_over_bare": round(ratio, 3),
        }
    )
    print(
        f"\n{pages} pages; first render {first_seconds:.2f} s; "
        f"Python peak {peak_mb:.1f} MB (tracemalloc); "
        f"max RSS grew {rss_growth:.1f} MB to {_max_rss_mb():.1f} MB; "
        f"paired medians app {statistics.median(app_seconds):.3f} s, bare WeasyPrint "
        f"{statistics.median(bare_seconds):.3f} s ({bare_pages} pages): ratio {ratio:.2f}"
    )
    assert pages >= 5
    assert bare_pages == pages
    assert ratio <= TARGET_RATIO
    assert benchmark.stats.stats.mean < TARGET_SECONDS
    assert peak_mb < TARGET_MB
