"""Report outputs for the people who act on them: CSV, an Excel workbook and a self-contained HTML page.

Every output is built from :class:`~edusupervision.Report` alone and is deterministic (no time stamps, fixed
order), so the same report gives the same file.

Formula injection: a spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and some programs
also after a leading tab or carriage return) as a formula. Findings quote the data (names, values, file
names), so every text cell of the CSV and the workbook goes through :func:`csv_safe`, which prefixes such
cells with ``'``. Workbook cells are in addition stored as text, never as formulas.
"""

from __future__ import annotations

import csv
import html
import io
from collections import Counter
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

from edusupervision._engine._format_findings import FORMAT_CODES
from edusupervision._io._template import save_workbook
from edusupervision._rules._catalog import RULES
from edusupervision._rules._model import Outcome, Severity

if TYPE_CHECKING:
    import os
    from collections.abc import Iterable, Sequence

    from openpyxl.worksheet.worksheet import Worksheet

    from edusupervision._engine._report import Finding, Lang, Report

__all__ = [
    "RECORD_COLUMNS",
    "csv_safe",
    "report_csv",
    "report_html",
    "unit_groups",
    "write_report_xlsx",
]

#: The columns of :meth:`Report.to_records`, in order (the CSV header, also when there is no finding).
RECORD_COLUMNS: Final = (
    "rule",
    "severity",
    "outcome",
    "subject_kind",
    "subject_id",
    "subject_name",
    "responsible_id",
    "responsible_name",
    "message",
    "citations",
    "table",
    "row",
    "file",
    "origin",
)
_FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
_NO_UNIT: Final = ("（未确定责任单位）", "(no responsible unit)")
_SEVERITY_COLOURS: Final = MappingProxyType({"error": "C00000", "warning": "B36B00", "info": "1F4E79"})


def csv_safe(value: Any) -> str:
    """Return a cell that spreadsheets will not run as a formula (=, +, -, @, tab, CR get a leading ``'``).

    Examples
    --------
    >>> csv_safe("=HYPERLINK(1)"), csv_safe("-1"), csv_safe(None), csv_safe(3), csv_safe("学校")
    ("'=HYPERLINK(1)", "'-1", '', '3', '学校')

    """
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def report_csv(report: Report, lang: Lang = "zh", *, limit: int | None = None) -> str:
    """Return the findings as CSV text (RFC 4180, CRLF): a header, then one row per finding.

    The rows are :meth:`Report.to_records`; the columns :data:`RECORD_COLUMNS`, also when there is no finding.

    Every cell is neutralised with :func:`csv_safe`. ``limit`` keeps the first findings only.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180; a cell holding a CR is then quoted
    writer.writerow(RECORD_COLUMNS)
    writer.writerows(
        [csv_safe(r.get(c)) for c in RECORD_COLUMNS] for r in report.to_records(lang, limit=limit)
    )
    return buffer.getvalue()


# --- grouping ---------------------------------------------------------------------------------------


def unit_groups(findings: Iterable[Finding]) -> list[tuple[str | None, str | None, list[Finding]]]:
    """Group findings by responsible unit: ``(unit id, unit name, findings)``, in a fixed order.

    Units come in order of their name (else id); findings without a responsible unit come last. Within a
    unit, findings keep the report order (severity, rule, subject).
    """
    groups: dict[str | None, list[Finding]] = {}
    names: dict[str | None, str | None] = {}
    for f in findings:
        key = None if f.responsible is None else f"{f.responsible.kind}:{f.responsible.id}"
        groups.setdefault(key, []).append(f)
        names.setdefault(key, f.responsible_name)

    def order(key: str | None) -> tuple[bool, str, str]:
        return (key is None, names[key] or key or "", key or "")

    return [
        (
            None if key is None else key.split(":", 1)[1],
            names[key],
            groups[key],
        )
        for key in sorted(groups, key=order)
    ]


def _rule_title(rule: str, findings: Sequence[Finding], lang: Lang) -> str:
    found = next((f for f in findings if f.rule == rule), None)
    if found is not None:
        return found.title_zh if lang == "zh" else found.title_en
    if rule in RULES:
        return RULES[rule].title_zh if lang == "zh" else RULES[rule].title_en
    if rule in FORMAT_CODES:
        return FORMAT_CODES[rule][0 if lang == "zh" else 1]
    return ""


def _rule_rows(report: Report, lang: Lang) -> list[tuple[str, str, str, dict[str, int]]]:
    """Return (rule, title, severity, counts) per rule: the rules evaluated, then format codes found."""
    rows = [
        (r.rule, _rule_title(r.rule, report.findings, lang), r.severity.value, dict(r.counts))
        for r in report.rules
    ]
    evaluated = {r.rule for r in report.rules}
    extra = Counter(f.rule for f in report.findings if f.rule not in evaluated)
    for rule in sorted(extra):
        severity = next(f.severity.value for f in report.findings if f.rule == rule)
        counts = {o.value: 0 for o in Outcome}
        counts[Outcome.VIOLATION.value] = extra[rule]
        rows.append((rule, _rule_title(rule, report.findings, lang), severity, counts))
    return rows


def _unit_label(unit_id: str | None, name: str | None, lang: Lang) -> str:
    if unit_id is None:
        return _NO_UNIT[0] if lang == "zh" else _NO_UNIT[1]
    return f"{name} ({unit_id})" if name else unit_id


def _location(f: Finding) -> str:
    if not f.location:
        return ""
    where = f.location.get("file") or f.location.get("table") or ""
    sheet = f.location.get("sheet")
    row = f.location.get("row")
    return f"{where}{f' [{sheet}]' if sheet else ''}{f':{row}' if row is not None else ''}"


# --- Excel ---------------------------------------------------------------------------------------------


def _safe_cell(value: Any) -> Any:
    """Return a workbook cell value: numbers as they are, text neutralised and without illegal characters."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # noqa: PLC0415 - openpyxl only when writing

    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return ILLEGAL_CHARACTERS_RE.sub("\ufffd", csv_safe(value))


def _append(
    sheet: Worksheet, values: Sequence[Any], *, bold: bool = False, colour: str | None = None
) -> None:
    from openpyxl.styles import Font  # noqa: PLC0415 - openpyxl only when writing

    sheet.append([_safe_cell(v) for v in values])
    for cell in sheet[sheet.max_row]:
        if cell.data_type == "f":  # never a formula (csv_safe already made it start with ')
            cell.data_type = "s"
        if bold or colour:
            cell.font = Font(bold=bold, color=colour)


def _summary_sheet(sheet: Worksheet, report: Report, lang: Lang, groups: Sequence[Any]) -> None:
    s = report.summary
    _append(sheet, ["教育督导数据校验报告 · Validation report"], bold=True)
    for label, value in (
        ("数据集 dataset", report.dataset),
        ("规则配置 profile", report.profile),
        ("判定日期 as of", report.as_of.isoformat()),
    ):
        _append(sheet, [label, value])
    _append(sheet, [])
    _append(sheet, ["统计 Summary", "数量 count"], bold=True)
    for key in (*(v.value for v in Severity), *(o.value for o in Outcome), "format", "rules"):
        _append(sheet, [key, s[key]])
    _append(sheet, [])
    _append(
        sheet,
        ["责任单位 Responsible unit", "错误 error", "警告 warning", "提示 info", "合计 total"],
        bold=True,
    )
    for unit_id, name, findings in groups:
        by = Counter(f.severity.value for f in findings)
        _append(
            sheet,
            [_unit_label(unit_id, name, lang), *(by.get(v.value, 0) for v in Severity), len(findings)],
        )
    _append(sheet, [])
    _append(sheet, ["规则 Rule", "名称 title", "严重程度 severity", *(o.value for o in Outcome)], bold=True)
    for rule, title, severity, counts in _rule_rows(report, lang):
        _append(sheet, [rule, title, severity, *(counts.get(o.value, 0) for o in Outcome)])
    for letter, width in (("A", 44), ("B", 36), ("C", 16), ("D", 14), ("E", 14), ("F", 16), ("G", 16)):
        sheet.column_dimensions[letter].width = width


_FINDING_HEADER: Final = (
    ("责任单位编号", "responsible_id"),
    ("责任单位", "responsible_name"),
    ("严重程度", "severity"),
    ("规则", "rule"),
    ("规则名称", "title"),
    ("对象类型", "subject_kind"),
    ("对象编号", "subject_id"),
    ("对象名称", "subject_name"),
    ("问题说明", "message"),
    ("依据", "citations"),
    ("数据位置", "location"),
)


def _findings_sheet(sheet: Worksheet, groups: Sequence[Any], lang: Lang) -> None:
    from openpyxl.styles import Alignment  # noqa: PLC0415 - openpyxl only when writing
    from openpyxl.utils import get_column_letter  # noqa: PLC0415 - see above

    _append(sheet, [zh for zh, _ in _FINDING_HEADER], bold=True)
    _append(sheet, [en for _, en in _FINDING_HEADER], bold=True)
    for unit_id, name, findings in groups:
        by = Counter(f.severity.value for f in findings)
        subtotal = " · ".join(f"{v.zh} {v.en} {by.get(v.value, 0)}" for v in Severity)
        _append(
            sheet,
            [unit_id or "", _unit_label(unit_id, name, lang), f"小计 subtotal {len(findings)}", subtotal],
            bold=True,
        )
        for f in findings:
            _append(
                sheet,
                [
                    f.responsible.id if f.responsible else "",
                    f.responsible_name or "",
                    f.severity.value,
                    f.rule,
                    f.title_zh if lang == "zh" else f.title_en,
                    f.subject.kind,
                    f.subject.id,
                    f.subject_name or "",
                    f.message(lang),
                    "; ".join(str(c) for c in f.citations),
                    _location(f),
                ],
                colour=_SEVERITY_COLOURS.get(f.severity.value),
            )
            sheet.row_dimensions[sheet.max_row].outlineLevel = 1
            for cell in sheet[sheet.max_row]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = (16, 24, 10, 30, 24, 14, 16, 20, 60, 24, 28)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A3"
    if sheet.sheet_properties.outlinePr is not None:
        sheet.sheet_properties.outlinePr.summaryBelow = False  # the subtotal row sits above its findings
    last = get_column_letter(len(_FINDING_HEADER))
    sheet.auto_filter.ref = f"A2:{last}{max(sheet.max_row, 2)}"


def write_report_xlsx(
    report: Report, path: str | os.PathLike[str], lang: Lang = "zh", *, limit: int | None = None
) -> Path:
    """Write the findings as an Excel workbook grouped by responsible unit; return its path.

    Two sheets rather than one sheet per unit (sheet names are limited to 31 characters and units are many):

    ``汇总 Summary``
        dataset, profile, date; counts by severity and outcome; findings per responsible unit (by severity);
        outcome counts per rule.
    ``问题清单 Findings``
        a Chinese and an English header row, then for each responsible unit a bold subtotal row followed by its
        findings (outline level 1, so Excel can fold each unit). Every finding row repeats the unit, so the
        sheet can also be filtered or sorted; findings without a responsible unit come last.

    Text cells go through :func:`csv_safe` and are stored as text. Written atomically.
    ``limit`` keeps the first findings (report order); the summary counts them all.
    """
    import openpyxl  # noqa: PLC0415 - openpyxl only when writing

    groups = unit_groups(report.findings[:limit])
    book = openpyxl.Workbook()
    if book.active is not None:
        book.remove(book.active)
    _summary_sheet(book.create_sheet("汇总 Summary"), report, lang, unit_groups(report.findings))
    _findings_sheet(book.create_sheet("问题清单 Findings"), groups, lang)
    return save_workbook(book, Path(path))


# --- HTML ----------------------------------------------------------------------------------------------

_CSS: Final = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",system-ui,sans-serif;margin:2rem auto;
max-width:75rem;padding:0 1rem;color:#1b1b1b;line-height:1.5}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{border-bottom:2px solid #ccc;padding-bottom:.2rem;margin-top:2rem}
h3{margin-top:1.6rem}.meta{color:#555}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.92rem}
th,td{border:1px solid #d0d0d0;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f2f2f2}td.n{text-align:right;font-variant-numeric:tabular-nums}
.error{color:#b00020;font-weight:600}.warning{color:#8a5300;font-weight:600}.info{color:#1f4e79}
ul.cite{margin:0;padding-left:1.1rem}blockquote{margin:.2rem 0 .3rem;padding-left:.6rem;
border-left:3px solid #ccc;color:#444;font-size:.88rem}code{font-size:.88rem}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}}
""".strip()


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _h(zh: str, en: str) -> str:
    return f"{_e(zh)} · {_e(en)}"


def _citations_html(f: Finding) -> str:
    items = []
    for citation in f.citations:
        data = citation.to_dict()
        label = _e(str(citation))
        url = data.get("url")
        if isinstance(url, str) and url.startswith(("https://", "http://")):
            label = f'<a href="{_e(url)}" rel="noopener noreferrer">{label}</a>'
        title = " ".join(str(data[k]) for k in ("title", "number") if data.get(k))
        quote = f"<blockquote>{_e(data['quote'])}</blockquote>" if data.get("quote") else ""
        items.append(f"<li>{label}{' ' + _e(title) if title else ''}{quote}</li>")
    return f'<ul class="cite">{"".join(items)}</ul>' if items else ""


def _findings_table(findings: Sequence[Finding], lang: Lang) -> str:
    head = "".join(
        f"<th>{_h(zh, en)}</th>"
        for zh, en in (
            ("严重程度", "Severity"),
            ("规则", "Rule"),
            ("对象", "Subject"),
            ("问题说明", "Finding"),
            ("依据", "Citations"),
            ("数据位置", "Location"),
        )
    )
    rows = []
    for f in findings:
        title = f.title_zh if lang == "zh" else f.title_en
        subject = f"{_e(f.subject.kind)} <code>{_e(f.subject.id)}</code>"
        if f.subject_name:
            subject += f"<br>{_e(f.subject_name)}"
        severity = f.severity.value
        rows.append(
            "<tr>"
            f'<td class="{_e(severity)}">{_e(f.severity.zh)} {_e(severity)}</td>'
            f"<td><code>{_e(f.rule)}</code><br>{_e(title)}</td>"
            f"<td>{subject}</td>"
            f"<td>{_e(f.message(lang))}</td>"
            f"<td>{_citations_html(f)}</td>"
            f"<td>{_e(_location(f))}</td>"
            "</tr>"
        )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def report_html(report: Report, lang: Lang = "zh", *, limit: int | None = None) -> str:
    """Return a self-contained bilingual HTML report (inline CSS, no script, no external asset).

    Sections: the summary (counts by severity and outcome), per-rule outcome counts, then the findings of
    each responsible unit (units in name order, unassigned last), each with its citations: the document,
    clause, title and number, the quoted clause when the project holds it, and a link when the document
    has an http(s) URL. Headings are in Chinese and English; messages and titles in ``lang``. Every text is
    escaped with :func:`html.escape`. ``limit`` keeps the first findings; the summary counts them all.
    """
    s = report.summary
    groups = unit_groups(report.findings[:limit])
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(report.dataset)} · 教育督导数据校验报告 · Validation report</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{_h('教育督导数据校验报告', 'Validation report')}</h1>",
        (
            f'<p class="meta">{_h("数据集", "dataset")}: <strong>{_e(report.dataset)}</strong> · '
            f"{_h('规则配置', 'profile')}: <code>{_e(report.profile)}</code> · "
            f"{_h('判定日期', 'as of')}: {_e(report.as_of.isoformat())}</p>"
        ),
        f"<h2>{_h('摘要', 'Summary')}</h2>",
        "<table><thead><tr>",
        *(f"<th>{_e(v.zh)} {_e(v.value)}</th>" for v in Severity),
        *(f"<th>{_e(o.zh)} {_e(o.value)}</th>" for o in Outcome),
        f"<th>{_h('数据格式问题', 'format')}</th><th>{_h('规则数', 'rules')}</th>",
        "</tr></thead><tbody><tr>",
        *(
            f'<td class="n">{_e(s[key])}</td>'
            for key in (*(v.value for v in Severity), *(o.value for o in Outcome), "format", "rules")
        ),
        "</tr></tbody></table>",
    ]
    if limit is not None and limit < len(report.findings):
        parts.append(
            f'<p class="meta">{_e(f"仅列出前 {limit} 项问题，共 {len(report.findings)} 项。")} '
            f"{_e(f'Showing the first {limit} of {len(report.findings)} findings.')}</p>"
        )
    parts.append(f"<h3>{_h('各责任单位问题数', 'Findings per responsible unit')}</h3>")
    parts.append(
        "<table><thead><tr>"
        f"<th>{_h('责任单位', 'Responsible unit')}</th>"
        + "".join(f"<th>{_e(v.zh)} {_e(v.value)}</th>" for v in Severity)
        + f"<th>{_h('合计', 'total')}</th></tr></thead><tbody>"
    )
    for index, (unit_id, name, findings) in enumerate(groups, start=1):
        by = Counter(f.severity.value for f in findings)
        parts.append(
            f'<tr><td><a href="#unit-{index}">{_e(_unit_label(unit_id, name, lang))}</a></td>'
            + "".join(f'<td class="n">{by.get(v.value, 0)}</td>' for v in Severity)
            + f'<td class="n">{len(findings)}</td></tr>'
        )
    parts.append("</tbody></table>")
    parts.append(f"<h2>{_h('按规则统计', 'Outcomes per rule')}</h2>")
    parts.append(
        "<table><thead><tr>"
        f"<th>{_h('规则', 'Rule')}</th><th>{_h('严重程度', 'Severity')}</th>"
        + "".join(f"<th>{_e(o.zh)} {_e(o.value)}</th>" for o in Outcome)
        + "</tr></thead><tbody>"
    )
    for rule, title, severity, counts in _rule_rows(report, lang):
        parts.append(
            f"<tr><td><code>{_e(rule)}</code> {_e(title)}</td><td>{_e(severity)}</td>"
            + "".join(f'<td class="n">{_e(counts.get(o.value, 0))}</td>' for o in Outcome)
            + "</tr>"
        )
    parts.append("</tbody></table>")
    parts.append(f"<h2>{_h('问题清单（按责任单位）', 'Findings by responsible unit')}</h2>")
    if not groups:
        parts.append(f"<p>{_h('未发现问题。', 'No findings.')}</p>")
    for index, (unit_id, name, findings) in enumerate(groups, start=1):
        parts.append(
            f'<h3 id="unit-{index}">{_e(_unit_label(unit_id, name, lang))} '
            f"<small>({_e(len(findings))})</small></h3>"
        )
        parts.append(_findings_table(findings, lang))
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)
