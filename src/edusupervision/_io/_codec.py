"""cattrs converters for the interchange format, one per representation (after cattrs ``preconf``).

Representation choices
----------------------
JSON (:func:`json_converter`)
    dates as ISO 8601 strings; enums by their code (``value``); tuples as arrays; ``None`` as ``null``.
CSV (:func:`text_converter`)
    every cell is text: dates ISO 8601; booleans ``true``/``false``; enums by code; tuples joined by ``;``;
    ``None`` as the empty cell; floats in Python's shortest round-tripping form.

Both converters *read* leniently and identically: codes or Chinese/English labels for enums; ``是/否``,
``yes/no``, ``1/0``, ``true/false`` for booleans; ``;`` or ``；`` between list items; dates as
``2024-09-01``, ``2024/9/1``, ``2024.9.1`` or ``2024年9月1日``; full-width digits and letters in numbers.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import cache
from typing import TYPE_CHECKING, Any, Final, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import ClassValidationError

from edusupervision._domain._enums import LabelledEnum

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from edusupervision._errors import DataProblem

__all__ = ["json_converter", "parse_bool", "parse_date", "structure_row", "text_converter"]

_DATE_RE: Final = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")
_TRUE: Final = frozenset({"true", "1", "yes", "y", "是", "有", "√", "t"})
_FALSE: Final = frozenset({"false", "0", "no", "n", "否", "无", "×", "f"})
_LIST_SPLIT: Final = re.compile(r"\s*[;；]\s*")


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


_EXCEL_EPOCH: Final = dt.date(1899, 12, 30)


def _excel_serial(serial: int) -> dt.date:
    """Return the date of an Excel serial number (1900 date system; 45536 is 2024-09-01)."""
    if not 1 <= serial <= 2_958_465:
        msg = f"{serial} is not an Excel date serial number"
        raise ValueError(msg)
    return _EXCEL_EPOCH + dt.timedelta(days=serial)


def parse_date(value: object) -> dt.date:
    """Parse a date written ISO-style, with slashes or dots, in Chinese (``2024年9月1日``), or an Excel serial.

    An Excel serial is a whole number, or a five-digit text (how spreadsheets export unformatted dates).

    Examples
    --------
    >>> parse_date("2024年9月1日"), parse_date("2024/9/1"), parse_date("２０２４-09-01"), parse_date(45536)
    (datetime.date(2024, 9, 1), datetime.date(2024, 9, 1), datetime.date(2024, 9, 1), datetime.date(2024, 9, 1))

    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return _excel_serial(value)
    if isinstance(value, float) and value.is_integer():
        return _excel_serial(int(value))
    if isinstance(value, str) and _nfkc(value).isdigit() and len(_nfkc(value)) == 5:
        return _excel_serial(int(_nfkc(value)))
    if not isinstance(value, str):
        msg = f"expected a date, got {type(value).__name__}"
        raise TypeError(msg)
    match = _DATE_RE.match(_nfkc(value))
    if match is None:
        msg = f"{value!r} is not a date (write 2024-09-01, 2024/9/1 or 2024年9月1日)"
        raise ValueError(msg)
    year, month, day = (int(g) for g in match.groups())
    return dt.date(year, month, day)


def parse_bool(value: object) -> bool:
    """Parse a boolean: ``true/false``, ``yes/no``, ``1/0``, ``是/否`` …."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        folded = _nfkc(value).casefold()
        if folded in _TRUE:
            return True
        if folded in _FALSE:
            return False
    msg = f"{value!r} is not a yes/no value (write true/false or 是/否)"
    raise ValueError(msg)


def _parse_int(value: object, _type: type[Any]) -> int:
    if isinstance(value, bool):
        msg = "expected a whole number, got a boolean"
        raise TypeError(msg)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        text = _nfkc(value).replace(",", "")
        if re.fullmatch(r"[+-]?\d+(\.0+)?", text):
            return int(float(text)) if "." in text else int(text)
    msg = f"{value!r} is not a whole number"
    raise ValueError(msg)


def _parse_float(value: object, _type: type[Any]) -> float:
    if isinstance(value, bool):
        msg = "expected a number, got a boolean"
        raise TypeError(msg)
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(_nfkc(value).replace(",", ""))
        except ValueError:
            pass
    msg = f"{value!r} is not a number"
    raise ValueError(msg)


def _parse_str(value: object, _type: type[Any]) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    msg = f"expected text, got {type(value).__name__}"
    raise TypeError(msg)


def _is_tuple_type(tp: Any) -> bool:
    return get_origin(tp) is tuple


def _configure_reading(conv: cattrs.Converter) -> None:
    conv.register_structure_hook(dt.date, lambda v, _t: parse_date(v))
    conv.register_structure_hook(bool, lambda v, _t: parse_bool(v))
    conv.register_structure_hook(int, _parse_int)
    conv.register_structure_hook(float, _parse_float)
    conv.register_structure_hook(str, _parse_str)
    conv.register_structure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, LabelledEnum),
        lambda v, t: v if isinstance(v, t) else t.parse(_parse_str(v, str)),
    )

    def tuple_hook(value: object, tp: Any) -> tuple[Any, ...]:
        (item_type, _ellipsis) = get_args(tp)
        items = [p for p in _LIST_SPLIT.split(value.strip()) if p] if isinstance(value, str) else value
        if not isinstance(items, list | tuple):
            msg = f"expected a list, got {type(value).__name__}"
            raise TypeError(msg)
        return tuple(conv.structure(item, item_type) for item in items)

    conv.register_structure_hook_func(_is_tuple_type, tuple_hook)


@cache
def json_converter() -> cattrs.Converter:
    """Return the converter for the JSON representation (see the module docstring)."""
    conv = cattrs.Converter(forbid_extra_keys=True)
    _configure_reading(conv)
    conv.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    conv.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, LabelledEnum), lambda e: e.value
    )
    conv.register_unstructure_hook_func(_is_tuple_type, lambda v: [conv.unstructure(i) for i in v])
    return conv


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, LabelledEnum):
        return str(value.value)
    if isinstance(value, tuple):
        return ";".join(_text(v) for v in value)
    return str(value)


@cache
def text_converter() -> cattrs.Converter:
    """Return the converter for the CSV representation, where every cell is text."""
    conv = cattrs.Converter(forbid_extra_keys=True)
    _configure_reading(conv)

    def unstructure_record(record: Any) -> dict[str, str]:
        return {f.name: _text(getattr(record, f.name)) for f in attrs.fields(type(record))}

    conv.register_unstructure_hook_func(attrs.has, unstructure_record)
    return conv


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _id_columns(record_type: type[Any]) -> frozenset[str]:
    """Return the columns holding ids: the key and every reference."""
    return frozenset(
        f.name
        for f in attrs.fields(record_type)
        if f.name == "id" or "ref" in f.metadata or "ref_kind" in f.metadata
    )


def _id_text(value: object) -> object:
    """Return an id with full-width letters and digits made half-width (``ＳＣＨ－００１`` → ``SCH-001``)."""
    if isinstance(value, str):
        return _nfkc(value)
    if isinstance(value, list | tuple):
        return [_nfkc(v) if isinstance(v, str) else v for v in value]
    return value


def structure_row(
    conv: cattrs.Converter,
    record_type: type[Any],
    row: Mapping[str, Any],
    *,
    where: Callable[..., DataProblem],
) -> tuple[Any | None, list[DataProblem]]:
    """Structure one row into a record, or return every problem of the row (never the first only).

    Blank cells count as absent, so optional fields take their defaults. ``where(code=, message=, column=,
    value=)`` builds a located :class:`DataProblem`.
    """
    names = {f.name for f in attrs.fields(record_type)}
    ids = _id_columns(record_type)
    data = {k: _id_text(v) if k in ids else v for k, v in row.items() if k in names and not _blank(v)}
    problems = [
        where(code="format.missing_value", message="a value is required", column=field.name)
        for field in attrs.fields(record_type)
        if field.default is attrs.NOTHING and field.name not in data
    ]
    if problems:
        return None, problems
    try:
        return conv.structure(data, record_type), []
    except ClassValidationError as group:
        with_notes, others = group.group_exceptions()
        for exc, note in with_notes:
            name = note.name
            problems.append(
                where(
                    code="format.invalid_value",
                    message=str(exc).split("\n")[0],
                    column=name,
                    value=None if name not in data else str(data[name]),
                )
            )
        problems.extend(
            where(code="format.invalid_value", message=str(exc).split("\n")[0], column=None) for exc in others
        )
    except (ValueError, TypeError) as exc:  # raised by an attrs validator: its message starts with the field
        first = str(exc).split(" ", 1)[0]
        column = first if first in names else None
        value = None if column is None else str(data.get(column))
        problems.append(where(code="format.invalid_value", message=str(exc), column=column, value=value))
    return None, problems
