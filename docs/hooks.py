"""MkDocs hooks: generate the rule pages and tables from the code at build time, so docs cannot drift.

* ``on_config``: expands the nav entry ``rules/index.md`` into one entry per rule, and drops nav entries for
  the pages other contributors are still writing (``OPTIONAL_PAGES``) while they do not exist, saying so.
* ``on_files``: adds the generated pages (``docs/gen_rule_pages.py``) to the build.
* ``on_page_markdown``: replaces ``<!-- generated:profiles-table -->`` and ``<!-- generated:enum-glossary -->``.
"""

from __future__ import annotations

import importlib.util
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.structure.files import File

if TYPE_CHECKING:
    from types import ModuleType

    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

log = logging.getLogger("mkdocs.hooks.edusupervision")

HERE = Path(__file__).parent
OPTIONAL_PAGES = frozenset(
    {"responsibility.md", "planning.md", "outputs.md", "performance.md", "reliability.md"}
)
"""Pages other contributors are writing: listed in the nav, left out (with a note) until they exist."""


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_rule_pages", HERE / "gen_rule_pages.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GEN = _generator()
_PAGES: dict[str, str] = {}


def _pages() -> dict[str, str]:
    if not _PAGES:
        _PAGES.update(GEN.pages())
    return _PAGES


def _expand(items: list[Any], docs_dir: Path) -> list[Any]:
    out: list[Any] = []
    for item in items:
        if isinstance(item, dict):
            ((title, value),) = item.items()
            if isinstance(value, list):
                out.append({title: _expand(value, docs_dir)})
                continue
            if value == "rules/index.md":
                rules = [{"Rule pages": "rules/index.md"}]
                rules += [{rule_id: f"rules/{rule_id}.md"} for rule_id in _rule_ids()]
                out.append({title: rules})
                continue
            if value in OPTIONAL_PAGES and not (docs_dir / value).exists():
                log.info("nav: %s is not written yet; left out", value)
                continue
        elif isinstance(item, str) and item in OPTIONAL_PAGES and not (docs_dir / item).exists():
            log.info("nav: %s is not written yet; left out", item)
            continue
        out.append(item)
    return out


def _rule_ids() -> list[str]:
    from edusupervision.rules import RULES  # noqa: PLC0415 - imported when the build starts

    return list(RULES)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Expand the rule pages into the nav and leave out optional pages that do not exist yet."""
    if config.nav:
        config.nav = _expand(list(config.nav), Path(config.docs_dir))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated rule pages."""
    for path, text in _pages().items():
        files.append(File.generated(config, path, content=text))
    return files


def on_page_markdown(markdown: str, **_kwargs: Any) -> str:
    """Fill the generated tables into the hand-written explanation pages."""
    if "<!-- generated:profiles-table -->" in markdown:
        markdown = markdown.replace("<!-- generated:profiles-table -->", GEN.profiles_table())
    if "<!-- generated:enum-glossary -->" in markdown:
        markdown = markdown.replace("<!-- generated:enum-glossary -->", GEN.enum_glossary())
    return markdown
