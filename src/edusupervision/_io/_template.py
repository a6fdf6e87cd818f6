"""An empty Excel workbook for offices to fill in: the interchange format's sheets, headers and value lists.

Layout of :func:`write_template`'s workbook, all generated from the domain model:

``README``
    How to fill the workbook in, in Chinese and English, and the list of sheets.
``info``
    The dataset's :class:`~edusupervision.DatasetInfo` as key/value rows (``name`` must be filled).
one sheet per table, named by its Chinese name (``学校``, ``督学`` …; the reader also accepts ``schools``)
    Row 1: the Chinese header (the column's first Chinese alias); row 2: the English column name, which the
    reader skips. Required headers are orange, optional ones blue; each header carries a note with the
    column's meaning, type and accepted values. Enum and yes/no columns have drop-down lists of Chinese labels
    (codes are accepted too, so the list only warns); id and text columns are formatted as text (so ``001``
    keeps its zeros), date columns as ``yyyy-mm-dd``. The two header rows are frozen.

The ``README`` sheet matches no table: reading a filled template reports it as an ignored sheet (a warning).
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

import attrs

from edusupervision._domain._dataset import TABLES, DatasetInfo, TableSpec, table_spec
from edusupervision._domain._enums import LabelledEnum
from edusupervision._domain._model import column_types
from edusupervision._io._formats import INFO_SHEET, _base_type
from edusupervision._io._read import _header_map, _norm

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["README_SHEET", "save_workbook", "template_header", "write_template"]

README_SHEET: Final = "README"
_FIRST_DATA_ROW: Final = 3
_LAST_ROW: Final = 1_048_576
#: Excel limits an inline list (``"a,b,c"``) to 255 characters.
_MAX_INLINE_LIST: Final = 255
_REQUIRED_FILL: Final = "FCE4D6"
_OPTIONAL_FILL: Final = "DDEBF7"
_ENGLISH_FILL: Final = "EDEDED"
_YES_NO: Final = ("是", "否")
#: Chinese labels of the dataset info keys (the keys themselves are what the reader needs).
_INFO_ZH: Final = MappingProxyType(
    {
        "name": "数据集名称（必填）",
        "reference_date": "基准日期：数据反映的日期，校验的默认判定日期",
        "root_division_id": "本辖区行政区划编号（行政区划表的根或本级）",
        "profile": "适用的规则配置（如 national、zibo）",
        "description": "说明",
    }
)
_README: Final = (
    ("填写说明", "How to fill in this workbook"),
    (
        "每张工作表对应一张数据表。第1行为中文表头，第2行为英文列名：请勿修改、删除或移动这两行，从第3行起逐行填写。",
        (
            "Each sheet is one table. Row 1 holds the Chinese headers, row 2 the English column names: do not edit, "
            "delete or move them; enter one record per row from row 3."
        ),
    ),
    (
        "橙色表头为必填列，蓝色表头为选填列。将鼠标停在表头上可查看该列的含义、类型和可填写的值。",
        (
            "Orange headers are required columns, blue ones optional. Hover over a header for the column's meaning, "
            "type and accepted values."
        ),
    ),
    (
        "有下拉列表的列请从列表中选择（填写英文代码也可以）；是/否列填写“是”或“否”。",
        (
            "Columns with a drop-down list take one of its values (the English codes are accepted too); yes/no "
            "columns take 是 or 否."
        ),
    ),
    (
        "日期写作 2024-09-01（也接受 2024/9/1 和 2024年9月1日）。一格填多个值时用分号“;”分隔。",
        (
            "Write dates as 2024-09-01 (2024/9/1 and 2024年9月1日 are read too). Separate several values in one "
            "cell with ';'."
        ),
    ),
    (
        "“编号”在本表内唯一；引用其他表的列（如“所在区划”“督学”）填写被引用记录的编号。",
        (
            "An id (编号) is unique within its table; a column referring to another table holds the id of the "
            "record referred to."
        ),
    ),
    (
        "在 info 工作表填写数据集名称（必填）和基准日期；没有数据的表留空即可，不要删除工作表。",
        (
            "Fill in the dataset name (required) and reference date on the info sheet; leave tables without data "
            "empty rather than deleting their sheets."
        ),
    ),
    (
        "填好后运行 edusupervision validate 文件.xlsx 检查数据并生成问题清单。",
        "When done, run edusupervision validate FILE.xlsx to check the data and list the findings.",
    ),
)


def template_header(spec: TableSpec, field: attrs.Attribute[Any]) -> str:
    """Return the Chinese header the template writes for a column.

    It is the column's first Chinese alias, unless the reader would map that alias to another column of the
    table (then the English name, which is always unambiguous).
    """
    aliases: tuple[str, ...] = field.metadata.get("zh", ())
    if aliases and _header_map(spec, None).get(_norm(aliases[0])) == field.name:
        return aliases[0]
    return field.name


def _type_text(scalar: Any, *, many: bool) -> str:
    if scalar is bool:
        text = "是/否 (yes/no)"
    elif scalar is int:
        text = "整数 (whole number)"
    elif scalar is float:
        text = "数字 (number)"
    elif scalar is dt.date:
        text = "日期 (date), 2024-09-01"
    elif isinstance(scalar, type) and issubclass(scalar, LabelledEnum):
        text = "选项 (one of): " + "、".join(f"{m.zh} ({m.value})" for m in scalar)
    else:
        text = "文本 (text)"
    return f"{text}; 多个值用“;”分隔 (several, separated by ';')" if many else text


def _note(spec: TableSpec, field: attrs.Attribute[Any], scalar: Any, *, many: bool) -> str:
    required = field.default is attrs.NOTHING
    lines = [
        f"{field.name} · {'必填 required' if required else '选填 optional'}",
        str(field.metadata.get("doc", "")),
        _type_text(scalar, many=many),
    ]
    if "ref" in field.metadata:
        target = table_spec(field.metadata["ref"])
        lines.append(f"填写“{target.zh}”表的编号 (an id of table {target.name})")
    elif "ref_kind" in field.metadata:
        kind = template_header(spec, attrs.fields_dict(spec.record_type)[field.metadata["ref_kind"]])
        lines.append(f"填写“{kind}”所指表的编号 (an id of the table {field.metadata['ref_kind']} names)")
    aliases = field.metadata.get("zh", ())
    if len(aliases) > 1:
        lines.append("也可用表头 (also read as): " + "、".join(aliases[1:]))
    return "\n".join(line for line in lines if line)


def _list_validation(values: tuple[str, ...], column: str, *, title: str) -> Any | None:
    from openpyxl.worksheet.datavalidation import DataValidation  # noqa: PLC0415 - openpyxl only when writing

    formula = '"' + ",".join(values) + '"'
    if len(formula) - 2 > _MAX_INLINE_LIST or any("," in v or '"' in v for v in values):
        return None
    validation = DataValidation(
        type="list",
        formula1=formula,
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="warning",
        errorTitle=title[:32],
        error="请从下拉列表中选择 (choose a value from the list)",
    )
    validation.add(f"{column}{_FIRST_DATA_ROW}:{column}{_LAST_ROW}")
    return validation


def _header_cell(sheet: Worksheet, row: int, column: int, value: str, *, fill: str, note: str | None) -> None:
    from openpyxl.comments import Comment  # noqa: PLC0415 - openpyxl only when writing
    from openpyxl.styles import Font, PatternFill  # noqa: PLC0415 - see above

    cell = sheet.cell(row=row, column=column, value=value)
    cell.font = Font(bold=row == 1, italic=row != 1, color="000000" if row == 1 else "595959")
    cell.fill = PatternFill(fill_type="solid", start_color=fill, end_color=fill)
    if note is not None:
        comment = Comment(note, "edusupervision")
        comment.width, comment.height = 360, 200
        cell.comment = comment


def _table_sheet(sheet: Worksheet, spec: TableSpec) -> None:
    from openpyxl.utils import get_column_letter  # noqa: PLC0415 - openpyxl only when writing

    types = column_types(spec.record_type)
    for index, field in enumerate(attrs.fields(spec.record_type), start=1):
        scalar, _optional, many = _base_type(types[field.name])
        letter = get_column_letter(index)
        header = template_header(spec, field)
        fill = _REQUIRED_FILL if field.default is attrs.NOTHING else _OPTIONAL_FILL
        _header_cell(sheet, 1, index, header, fill=fill, note=_note(spec, field, scalar, many=many))
        _header_cell(sheet, 2, index, field.name, fill=_ENGLISH_FILL, note=None)
        dimension = sheet.column_dimensions[letter]
        dimension.width = max(12, 2 * len(header) + 4, len(field.name) + 4)
        values: tuple[str, ...] = ()
        if scalar is bool:
            values = _YES_NO
        elif isinstance(scalar, type) and issubclass(scalar, LabelledEnum) and not many:
            values = tuple(m.zh for m in scalar)
        elif scalar is dt.date:
            dimension.number_format = "yyyy-mm-dd"
        elif scalar is str or many:
            dimension.number_format = "@"  # ids such as 001 keep their zeros
        if values:
            validation = _list_validation(values, letter, title=header)
            if validation is not None:
                sheet.add_data_validation(validation)
    sheet.freeze_panes = f"A{_FIRST_DATA_ROW}"


def _info_sheet(sheet: Worksheet) -> None:
    from openpyxl.styles import Font  # noqa: PLC0415 - openpyxl only when writing

    sheet.append(["key", "value", "说明", "meaning"])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    types = column_types(DatasetInfo)
    for field in attrs.fields(DatasetInfo):
        sheet.append([field.name, None, _INFO_ZH.get(field.name, ""), field.metadata.get("doc", "")])
        if _base_type(types[field.name])[0] is dt.date:
            sheet.cell(row=sheet.max_row, column=2).number_format = "yyyy-mm-dd"
    for letter, width in (("A", 20), ("B", 30), ("C", 44), ("D", 60)):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"


def _readme_sheet(sheet: Worksheet) -> None:
    from openpyxl.styles import Alignment, Font  # noqa: PLC0415 - openpyxl only when writing

    for zh, en in _README:
        sheet.append([zh, en])
    sheet.append([])
    sheet.append(["工作表", "table", "说明", "必填列 (required columns)"])
    heading = sheet.max_row
    for spec in TABLES:
        required = [f.name for f in attrs.fields(spec.record_type) if f.default is attrs.NOTHING]
        sheet.append([spec.zh, spec.name, spec.doc, ", ".join(required)])
    for cell in (sheet["A1"], sheet["B1"], *sheet[heading]):
        cell.font = Font(bold=True)
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in (("A", 60), ("B", 60), ("C", 36), ("D", 50)):
        sheet.column_dimensions[letter].width = width


def save_workbook(book: Workbook, path: Path) -> Path:
    """Save an openpyxl workbook through a temporary file renamed into place (no half-written file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".xlsx", dir=path.parent)
    os.close(fd)
    try:
        book.save(tmp)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_template(path: str | os.PathLike[str]) -> Path:
    """Write the empty bilingual workbook offices fill in (see the module docstring); return its path.

    The workbook is written atomically. Filled in, it reads back with :func:`~edusupervision.load`.
    """
    import openpyxl  # noqa: PLC0415 - openpyxl only when writing

    book = openpyxl.Workbook()
    if book.active is not None:
        book.remove(book.active)
    _readme_sheet(book.create_sheet(README_SHEET))
    _info_sheet(book.create_sheet(INFO_SHEET))
    for spec in TABLES:
        _table_sheet(book.create_sheet(spec.zh), spec)
    return save_workbook(book, Path(path))
