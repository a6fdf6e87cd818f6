"""Regenerate the committed seed corpus under ``fuzz/corpus/<target>/`` (run by hand; the output is committed).

Seeds are small (a few KB): clause snippets from the seed documents, date spellings, sample tables cut to a few
rows, a small JSON dataset, a small workbook and its parts, profile files and command lines. Each seed carries the
target's leading selector byte(s) (see each target's docstring). ``--seeds DIR`` points at the seed documents
(default ``/work/shared/seeds``); without them the parser corpus keeps only the built-in snippets.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import re
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import fuzz_excel

from edusupervision import TABLES, dataset_to_json, sample_dataset, save

CORPUS = Path(__file__).parent / "corpus"
SNIPPET = 400  # characters of text around a clause keyword
_KEYWORDS = re.compile(r"责\s*任\s*单\s*位|牵头单位|配合单位|牵头")


def _table_index(name: str) -> int:
    return next(i for i, spec in enumerate(TABLES) if spec.name == name)


def parser_seeds(seeds: Path) -> list[bytes]:
    """Return clause snippets (UTF-8 mode): built-in ones, and pieces of the seed documents around keywords."""
    texts = [
        "加强经费保障。〔责任单位：自治区教育厅、财政厅，设区市、县（市、区）人民政府〕",
        "（责任单位：县教育局、县财政局）",
        "责任单位:市委编办市委组织部市教育局,区县党委、政府",
        "市教育局牵头，市财政局、市人社局配合。",
        "牵头单位：市教育局；配合单位：市财政局、市人社局等",
        "**（责任单位：自治区教育厅、人力资源社会保障厅，排在首位的为牵头单位）**",
        "区县（含高新区、经济开发区、文昌湖省级旅游度假区，下同）政府（责任单位：区县政府",
        "（责\n\n任单位：区教育分\n\n— 12 —\n\n局、区财政局】",
    ]
    for path in sorted(seeds.glob("*.txt")) if seeds.is_dir() else ():
        text = path.read_text(encoding="utf-8")
        for match in list(_KEYWORDS.finditer(text))[:3]:
            start = max(0, match.start() - SNIPPET // 2)
            texts.append(text[start : start + SNIPPET])
    out = [b"\0" + t.encode("utf-8") for t in texts]
    out.append(b"\1" + texts[0].encode("utf-16-le"))
    return out


def date_seeds() -> list[bytes]:
    """Return date spellings (text mode), an Excel serial as an integer, and a float."""
    texts = [
        "2024-09-01",
        "2024/9/1",
        "2024.9.1",
        "2024年9月1日",
        "２０２４-09-01",
        "45536",
        " 2024 年 9 月 1 日 ",
    ]
    texts += ["2024-02-30", "0000-01-01", "9999-12-31", "１２３４５", "2024-9-1 ", ""]
    out = [b"\0" + t.encode("utf-8") for t in texts]
    out.append(b"\6" + (45536).to_bytes(8, "little", signed=True))
    out.append(b"\7" + b"\0\0\0\0\0\x3c\xe6\x40")  # 45536.0 as a little-endian double
    return out


def _csv_text(name: str, rows: int, tmp: Path) -> bytes:
    lines = (tmp / f"{name}.csv").read_bytes().splitlines(keepends=True)
    return b"".join(lines[: rows + 1])


def csv_seeds(tmp: Path) -> list[bytes]:
    """Return sample tables cut to a few rows, in UTF-8 and GB18030, with Chinese headers, and a descriptor."""
    save(sample_dataset(), tmp)
    tables = ("divisions", "schools", "inspectors", "supervisions", "problems", "visits", "circulars")
    out = [bytes([_table_index(name), 2]) + _csv_text(name, 3, tmp) for name in tables]
    schools = _table_index("schools")
    chinese = "学校名称,学段,所在区县,id\n青山一小,小学,div-qingshan,s1\n".encode()
    out.append(bytes([schools, 2]) + chinese)
    out.append(bytes([schools, 2]) + chinese.decode().encode("gb18030"))
    out.append(bytes([schools, 2]) + b"\xef\xbb\xbf" + _csv_text("schools", 2, tmp))
    out.append(bytes([schools, 2]) + b'id,name\n"s1,unterminated\n')
    descriptor = json.dumps(
        {
            "resources": [{"name": "schools", "path": "../../etc/passwd"}],
            "edusupervision": {"info": {"name": "x", "reference_date": "2024-12-31"}},
        }
    ).encode()
    out.append(bytes([_table_index("divisions"), 3]) + descriptor + b"\0" + _csv_text("divisions", 3, tmp))
    return out


def json_seeds() -> list[bytes]:
    """Return a small valid dataset, a dataset with bad values, and broken or deep documents."""
    doc = dataset_to_json(sample_dataset())
    small = {
        "format": doc["format"],
        "version": doc["version"],
        "info": doc["info"],
        "tables": {
            "divisions": doc["tables"]["divisions"],
            "organisations": doc["tables"]["organisations"][:6],
            "schools": [dict(s, head_id=None, zone_id=None) for s in doc["tables"]["schools"][:2]],
        },
    }
    bad = json.loads(json.dumps(small))
    bad["tables"]["schools"][0].update(student_count="-3", head_term_start="2024年13月1日", stage="大学")
    bad["tables"]["学校"] = bad["tables"].pop("schools")
    return [
        json.dumps(small, ensure_ascii=False).encode(),
        json.dumps(bad, ensure_ascii=False).encode(),
        b'{"tables": {"schools": {}}}',
        b'{"tables": [1, 2]}',
        b"[" * 200 + b"]" * 200,
        b'{"tables": {"schools": [' + b"[" * 100 + b"]" * 100 + b"]}}",
        b"\xef\xbb\xbf{}",
    ]


def excel_seeds() -> list[bytes]:
    """Return the template workbook, each of its parts (as mode-1 replacements), built workbooks, xls junk."""
    template = fuzz_excel._TEMPLATE
    out = [b"\0" + template]
    with zipfile.ZipFile(io.BytesIO(template)) as archive:
        out.extend(bytes([1, i]) + archive.read(name) for i, name in enumerate(fuzz_excel._PARTS))
    out.append(
        b"\2" + bytes([_table_index("schools"), 0, 1, 2, 3, 6]) + b"\0\0s1\0\0abc\0\1\x10\0\0\0\3\x05\0\0\0"
    )
    out.append(b"\2" + bytes([_table_index("divisions"), 0, 1, 4, 5, 9, 9, 3]) + b"\0\0d1\0\0x\0\4\1")
    out.append(b"\3\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)
    return out


def profile_seeds() -> list[bytes]:
    """Return TOML and JSON profiles: valid, with a bad parameter, with an unknown parent or rule."""
    toml = (
        'name = "gx-1to4"\nparent = "guangxi"\ntitle_zh = "试"\n'
        '[[changes]]\nkind = "override"\nrule = "inspector.ratio"\nparams = { R = 4 }\n'
        'cite = "ZB 1"\neffective = 2024-01-01\n'
    )
    json_profile = {
        "name": "j",
        "parent": "national",
        "changes": [
            {"kind": "disable", "rule": "inspector.ratio"},
            {"rule": "x.unknown", "severity": "warning"},
        ],
    }
    return [
        b"\0" + toml.encode(),
        b"\0" + toml.replace("R = 4", 'R = "four"').encode(),
        b"\0" + b'name = "x"\nparent = "atlantis"\n',
        b"\1" + json.dumps(json_profile).encode(),
        b"\1" + b'{"name": "n", "changes": {"rule": 1}}',
    ]


def cli_seeds() -> list[bytes]:
    """Return command lines (NUL-separated; ``@N`` is fixture N of the CLI target)."""
    lines = [
        ["validate", "@0", "--format", "json"],
        ["validate", "@1", "--profile", "@2", "--format", "csv", "--lang", "en"],
        ["validate", "@3", "--fail-fast"],
        ["validate", "@1", "--mapping", "@4", "--max-rows", "3"],
        ["consequences", "@0", "--profile", "guangxi", "--format", "json"],
        ["rules", "--profile", "zibo"],
        ["profiles", "--format", "json"],
        ["summary", "@5"],
        ["validate", "@7", "--as-of", "2024-13-01"],
        ["sample", "--out", "x.json"],
        ["validate", "@6", "--max-file-mb", "0"],
        ["schema"],
    ]
    return [b"\0".join(a.encode() for a in line) for line in lines]


def write(target: str, seeds: list[bytes]) -> None:
    """Replace the corpus of ``target`` with ``seeds`` (file names are content hashes, as libFuzzer names them)."""
    folder = CORPUS / target
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for seed in seeds:
        (folder / hashlib.sha1(seed, usedforsecurity=False).hexdigest()).write_bytes(seed)


def main() -> None:
    """Write every target's corpus."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=Path, default=Path("/work/shared/seeds"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        write("csv", csv_seeds(Path(tmp) / "csv"))
    write("parser", parser_seeds(args.seeds))
    write("date", date_seeds())
    write("json", json_seeds())
    write("excel", excel_seeds())
    write("profile", profile_seeds())
    write("cli", cli_seeds())


if __name__ == "__main__":
    main()
