"""Format findings: problems in the data as read, reported beside the rule findings with stable codes."""

from __future__ import annotations

import string
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from edusupervision._engine._report import Finding
from edusupervision._rules._model import Citation, Outcome, Ref, Severity

if TYPE_CHECKING:
    from edusupervision._errors import DataProblem

__all__ = ["FORMAT_CODES", "format_finding"]

#: code → (Chinese title, English title, Chinese message template). Codes are stable, like rule ids.
FORMAT_CODES: Final = MappingProxyType(
    {
        "format.missing_column": ("缺少必填列", "Required column missing", "表{table}缺少必填列“{column}”。"),
        "format.invalid_value": (
            "值无效",
            "Invalid value",
            "第{row}行“{column}”列的值“{value}”无效，该行已忽略。",
        ),
        "format.missing_value": (
            "缺少必填值",
            "Required value missing",
            "第{row}行缺少必填项“{column}”，该行已忽略。",
        ),
        "format.duplicate_id": ("编号重复", "Duplicate id", "第{row}行编号“{value}”与前文重复，该行已忽略。"),
        "format.dangling_reference": (
            "引用不存在",
            "Dangling reference",
            "第{row}行“{column}”引用的“{value}”不存在，该行已忽略。",
        ),
        "format.unknown_column": ("未知列", "Unknown column", "未知列“{column}”，已忽略。"),
        "format.unknown_table": ("未知表", "Unknown table", "无法对应到任何数据表，已忽略。"),
        "format.merged_header": (
            "合并表头",
            "Merged header cell",
            "表头单元格跨列合并（“{column}”），无法确定对应的列。",
        ),
        "format.bad_mapping": ("列映射错误", "Bad column mapping", "列映射有误（“{column}”）。"),
        "format.hierarchy": ("行政区划层级错误", "Broken hierarchy", "行政区划层级有误（“{column}”）。"),
        "format.encoding": ("无法解码", "Cannot decode", "文件编码无法识别。"),
        "format.invalid_json": ("JSON 无效", "Invalid JSON", "不是有效的 JSON。"),
        "format.not_a_dataset": ("不是数据集", "Not a dataset", "不是数据集文件。"),
        "format.not_a_table": ("不是数据表", "Not a table", "表{table}不是记录数组。"),
        "format.unsupported": ("格式不支持", "Unsupported format", "不支持的文件类型。"),
        "format.unreadable": ("无法读取", "Unreadable file", "文件无法读取。"),
    }
)
_WARNING_CODES: Final = frozenset({"format.unknown_column", "format.unknown_table"})


class _Fill(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "—"


def format_finding(problem: DataProblem) -> Finding:
    """Return the finding of a located data problem (severity warning for ignored columns and tables)."""
    title_zh, title_en, template = FORMAT_CODES.get(problem.code, ("数据问题", "Data problem", "{message}"))
    subject = (
        Ref("row", f"{problem.table}#{problem.row}")
        if problem.table and problem.row
        else Ref("table", problem.table)
        if problem.table
        else Ref("file", problem.file or "dataset")
    )
    fill = _Fill(
        {
            k: str(v)
            for k, v in (
                ("table", problem.table),
                ("row", problem.row),
                ("column", problem.column),
                ("value", problem.value),
                ("message", problem.message),
            )
            if v is not None
        }
    )
    location = {
        k: v
        for k, v in (
            ("file", problem.file),
            ("sheet", problem.sheet),
            ("table", problem.table),
            ("row", problem.row),
            ("column", problem.column),
        )
        if v is not None
    }
    return Finding(
        rule=problem.code,
        title_zh=title_zh,
        title_en=title_en,
        severity=Severity.WARNING if problem.code in _WARNING_CODES else Severity.ERROR,
        outcome=Outcome.VIOLATION,
        subject=subject,
        subject_name=None,
        responsible=None,
        responsible_name=None,
        message_zh=string.Formatter().vformat(template, (), fill),
        message_en=f"{problem.where()}: {problem.message}",
        citations=(Citation("FMT", problem.table or ""),),
        evidence={"value": problem.value, "column": problem.column, "detail": problem.message},
        origin="format",
        location=MappingProxyType(location) if location else None,
    )
