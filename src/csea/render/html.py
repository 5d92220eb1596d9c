"""The report as one self-contained HTML file: inline CSS, inline SVG charts, no script.

It opens from disk with no network, reads well on screen and prints to PDF from any
browser. Every value the template shows goes through [csea.render.escape.html][] (HTML
escaped, control and bidirectional characters shown escaped); a Content-Security-Policy that
allows no script at all is a second line of defence.
"""

from __future__ import annotations

from importlib import resources

import jinja2
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from jinja2.bccache import Bucket, BytecodeCache
from markupsafe import Markup

from csea.catalog.cache import active_cache
from csea.catalog.fingerprint import code_key
from csea.models import RegulatorKind, Status
from csea.render.charts import scorecard_chart, status_strip
from csea.render.escape import css_string, html
from csea.render.heatmap import heat_map, light_of, traffic_lights
from csea.render.timeline import burn_down, trend_chart
from csea.render.wording import (
    DASH,
    DECISIONS,
    INDUSTRY_NOTE,
    PAGE_ONE_ITEMS,
    REDACTION_NOTICE,
    SCORE_METHOD,
    TOP_GAPS,
    catalogue_line,
    date_text,
    decision_detail,
    duties_text,
    findings_text,
    label,
    number,
    regulator_duties,
    score_text,
    scores_line,
    service_facts,
    short_label,
    summary_sentence,
    trend_sentence,
    verification_sentence,
)
from csea.report.document import ReportDocument, ServiceReport

__all__ = ["render_html"]


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("csea.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_finalize,
        bytecode_cache=_CompiledTemplates(),
    )
    env.filters.update(
        label=label,
        short=short_label,
        score=score_text,
        day=date_text,
        number=number,
        findings=findings_text,
        duties=duties_text,
        light=light_of,
        css=css_string,
        strip=status_strip,
        regulator_duties=regulator_duties,
        g=lambda value: f"{value:g}",
    )
    env.globals.update(
        DASH=DASH,
        statuses=list(Status),
        no_counts=dict.fromkeys(Status),
        decisions=DECISIONS,
        detail=decision_detail,
        PAGE_ONE_ITEMS=PAGE_ONE_ITEMS,
        TOP_GAPS=TOP_GAPS,
        INDUSTRY_NOTE=INDUSTRY_NOTE,
    )
    return env


def _finalize(value: object) -> object:
    """Every text value through [html][csea.render.escape.html] (controls shown escaped)."""
    return html(value) if isinstance(value, str) and not isinstance(value, Markup) else value


class _CompiledTemplates(BytecodeCache):
    """Compiled templates kept in the catalogue cache in use, so a report compiles them once.

    Entries are signed by this user's csea like the cache's catalogues (compiled code is run
    when loaded), and keyed by csea's version and code (templates and these settings
    included) and jinja2's version; jinja2 also compares each template's source checksum.
    Without a cache in use ([csea.catalog.cache.use_cache][]), templates are compiled.
    """

    def load_bytecode(self, bucket: Bucket) -> None:
        cache = active_cache()
        data = cache.load_bytes(_template_key(bucket)) if cache is not None else None
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        cache = active_cache()
        if cache is not None:
            cache.store_bytes(_template_key(bucket), bucket.bytecode_to_string())


def _template_key(bucket: Bucket) -> bytes:
    return code_key("jinja2", jinja2.__version__, bucket.key)


_ENV = _environment()


def _stylesheet() -> str:
    return resources.files("csea.render").joinpath("templates/report.css").read_text("utf-8")


def _service_view(report: ServiceReport) -> dict[str, object]:
    """What the template needs for one service, beyond the document itself."""
    regulators = [r for r in report.regulators if r.kind is not RegulatorKind.INDUSTRY]
    columns, lights = traffic_lights(report.duty_lights, report.regulators)
    return {
        "report": report,
        "sentence": summary_sentence(report),
        "scores": scores_line(report.headline.weighted_score, report.headline.score),
        "trend_sentence": trend_sentence(report.briefing.trend),
        "facts": service_facts(report),
        "strip": status_strip(report.headline.counts, report.headline.title),
        "pillar_chart": scorecard_chart("Scorecard by pillar", report.pillars, with_force=False),
        "heat": heat_map(report.regulators, report.pillars),
        "light_columns": columns,
        "lights": lights,
        "burn": burn_down(report.gaps, report.summary.as_of),
        "trend": trend_chart(report.briefing.trend),
        "regulators": regulators,
        "industry": [r for r in report.regulators if r.kind is RegulatorKind.INDUSTRY],
        "sources": {s.id: s for s in report.sources},
        "obligation_titles": {o.id: o.title for o in report.obligations},
        "pillar_titles": {p.id: p.title for p in report.pillars},
        "verification": verification_sentence(report.verification),
    }


def render_html(document: ReportDocument) -> str:
    """The whole report as one HTML page."""
    if len(document.reports) == 1:
        title = f"{document.reports[0].summary.service}: child-safety self-assessment"
    else:
        title = f"Child-safety self-assessment: {len(document.reports)} services"
    return _ENV.get_template("report.html.j2").render(
        document=document,
        title=title,
        css=Markup(_stylesheet()),  # our own file, not user input
        catalogue=catalogue_line(document),
        redaction_notice=REDACTION_NOTICE,
        score_method=SCORE_METHOD,
        services=[_service_view(r) for r in document.reports],
    )
