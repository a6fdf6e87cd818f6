"""Responsibility units (责任单位): parse the lists that end each task, resolve them, query the graph.

Parse a text, resolve its clauses against a dataset and ask who does what::

    from edusupervision import load
    from edusupervision.responsibility import build_graph, parse_clauses, tasks_led_by, explain

    clauses = parse_clauses(open("实施意见.txt", encoding="utf-8").read())
    G = build_graph(load("data/"), clauses, task_prefix="ZB-")
    tasks_led_by(G, "org-zb-edu")          # ('ZB-5', 'ZB-6', …)
    explain(G, "ZB-3", "org-gxq-gov")      # why the 高新区管委会 is responsible for task ZB-3

Conventions (see ``docs/responsibility.md``): the first-listed unit leads unless the text names roles; a
collective lead (各成员单位) is a joint lead, reported as ``info``; collectives are expanded against the
dataset seen from the division that issued the text; functional zones count as 区县 only when a scope note
says so (or ``include_zones=True``).

Examples
--------
>>> from edusupervision._sample import sample_dataset
>>> G = build_graph(sample_dataset(), parse_clauses("（责任单位：县教育局、县财政局）"))
>>> units_for_task(G, "T1")
{'org-qs-edu': 'lead', 'org-qs-fin': 'co_responsible'}

"""

from __future__ import annotations

from edusupervision._responsibility._graph import (
    EdgeKind,
    NodeKind,
    build_graph,
    draw,
    explain,
    graph_problems,
    node_id,
    supervising_chain,
    supervision_cycles,
    tasks_led_by,
    tasks_shared_by,
    to_node_link,
    under_government,
    units_for_task,
    write_graphml,
)
from edusupervision._responsibility._parser import (
    Clause,
    LeadConvention,
    ScopeNote,
    UnitRole,
    parse_clauses,
    render_clause,
)
from edusupervision._responsibility._resolve import (
    PROBLEM_CODES,
    Jurisdiction,
    Resolution,
    ResolutionProblem,
    ResolvedUnit,
    Role,
    TaskResolution,
    normalise_name,
    resolve,
)

__all__ = [
    "PROBLEM_CODES",
    "Clause",
    "EdgeKind",
    "Jurisdiction",
    "LeadConvention",
    "NodeKind",
    "Resolution",
    "ResolutionProblem",
    "ResolvedUnit",
    "Role",
    "ScopeNote",
    "TaskResolution",
    "UnitRole",
    "build_graph",
    "draw",
    "explain",
    "graph_problems",
    "node_id",
    "normalise_name",
    "parse_clauses",
    "render_clause",
    "resolve",
    "supervising_chain",
    "supervision_cycles",
    "tasks_led_by",
    "tasks_shared_by",
    "to_node_link",
    "under_government",
    "units_for_task",
    "write_graphml",
]
