"""The responsibility graph: a dataset's hierarchy, supervision relations and tasks in one networkx graph.

:func:`build_graph` returns a :class:`networkx.MultiDiGraph`. Node ids are ``"{kind}:{id}"`` (``org:org-qs-edu``,
``division:div-qingshan``, ``task:T1``); every node has ``kind`` (a :class:`NodeKind` value), ``id`` (the record
id) and ``name``. Every edge has ``kind`` (an :class:`EdgeKind` value):

=================  ===================================  ==========================================
kind               from → to                            from
=================  ===================================  ==========================================
``part_of``        division → parent division;          ``Division.parent_id``,
                   organisation → parent organisation   ``Organisation.parent_id``
``located_in``     organisation or school → division    ``division_id``
``committee_of``   committee → its government           ``Committee.government_id``
``office_at``      committee → office host              ``Committee.office_host_id``
``member_of``      organisation → committee             ``committee_members``
``administers``    organisation → school                ``School.administered_by``
``supervises``     body → organisation or school        ``supervisions`` (one edge each)
``evaluates``      evaluator → evaluatee                ``duty_evaluations`` (one edge each)
``lead``           task → organisation or collective    the clause's lead(s)
``co_responsible`` task → organisation or collective    the clause's other units
``includes``       collective → organisation            collective expansion
=================  ===================================  ==========================================

A task's ``lead``/``co_responsible`` edges to organisations carry ``unit``, ``via`` (the collective, or
``""``) and ``path`` (the explanation, a tuple of sentences). Division nodes carry ``parent`` and, when
recorded, ``body`` and ``government`` (ids): the parent maps the queries walk. ``G.graph["problems"]`` holds
every :class:`~edusupervision.responsibility.ResolutionProblem`, supervision cycles included.

The queries are free functions over the graph, in the style of networkx.
"""

from __future__ import annotations

import enum
import importlib
import json
from typing import TYPE_CHECKING, Any, Final

import networkx as nx

from edusupervision._domain._enums import DivisionKind, OrgKind, SubjectKind
from edusupervision._responsibility._resolve import (
    PROBLEM_CODES,
    Jurisdiction,
    Resolution,
    ResolutionProblem,
    Role,
    collector_paused,
    resolve,
)

if TYPE_CHECKING:
    import os
    from collections.abc import Iterable, Sequence

    from edusupervision._domain._dataset import Dataset
    from edusupervision._responsibility._parser import Clause

__all__ = [
    "EdgeKind",
    "NodeKind",
    "build_graph",
    "draw",
    "explain",
    "graph_problems",
    "node_id",
    "supervising_chain",
    "supervision_cycles",
    "tasks_led_by",
    "tasks_shared_by",
    "to_node_link",
    "under_government",
    "units_for_task",
    "write_graphml",
]


class NodeKind(enum.Enum):
    """Kinds of node in the responsibility graph (the prefix of the node id)."""

    DIVISION = "division"
    ORGANISATION = "org"
    COMMITTEE = "committee"
    SCHOOL = "school"
    TASK = "task"
    COLLECTIVE = "collective"


class EdgeKind(enum.Enum):
    """Kinds of edge in the responsibility graph."""

    PART_OF = "part_of"
    LOCATED_IN = "located_in"
    COMMITTEE_OF = "committee_of"
    OFFICE_AT = "office_at"
    MEMBER_OF = "member_of"
    ADMINISTERS = "administers"
    SUPERVISES = "supervises"
    EVALUATES = "evaluates"
    LEAD = "lead"
    CO_RESPONSIBLE = "co_responsible"
    INCLUDES = "includes"


_Node = tuple[str, dict[str, Any]]
_Edge = tuple[str, str, dict[str, Any]]
_ROLE_EDGE: Final = {Role.LEAD: EdgeKind.LEAD.value, Role.CO_RESPONSIBLE: EdgeKind.CO_RESPONSIBLE.value}
_OVERSIGHT: Final = frozenset({EdgeKind.SUPERVISES.value, EdgeKind.EVALUATES.value})


def node_id(kind: NodeKind, key: str) -> str:
    """Return the graph node id of record ``key`` of ``kind``.

    Examples
    --------
    >>> node_id(NodeKind.ORGANISATION, "org-qs-edu")
    'org:org-qs-edu'

    """
    return f"{kind.value}:{key}"


def _require(graph: Any, node: str, kind: NodeKind) -> dict[str, Any]:
    try:
        data: dict[str, Any] = graph.nodes[node]
    except KeyError:
        msg = f"no {kind.value} {node.partition(':')[2]!r} in the graph"
        raise KeyError(msg) from None
    return data


# ----------------------------------------------------------------------------------------------
# building


def _parent_maps(dataset: Dataset) -> tuple[dict[str, str], dict[str, str]]:
    """Return (division → its supervision body, division → its government), first recorded of each."""
    body: dict[str, str] = {}
    government: dict[str, str] = {}
    for org in dataset.organisations:
        if org.kind is OrgKind.SUPERVISION_BODY:
            body.setdefault(org.division_id, org.id)
        elif org.kind.is_government:
            government.setdefault(org.division_id, org.id)
    return body, government


def _hierarchy(dataset: Dataset, nodes: list[_Node], edges: list[_Edge]) -> None:
    """Collect division and organisation nodes with their part_of and located_in edges."""
    body, government = _parent_maps(dataset)
    part_of, located_in = EdgeKind.PART_OF.value, EdgeKind.LOCATED_IN.value
    levels = {kind: kind.level.value for kind in DivisionKind}
    for d in dataset.divisions:
        data: dict[str, Any] = {
            "kind": "division",
            "id": d.id,
            "name": d.name,
            "division_kind": d.kind.value,
            "level": levels[d.kind],
        }
        if d.parent_id is not None:
            data["parent"] = d.parent_id
            edges.append(("division:" + d.id, "division:" + d.parent_id, {"kind": part_of}))
        if d.id in body:
            data["body"] = body[d.id]
        if d.id in government:
            data["government"] = government[d.id]
        nodes.append(("division:" + d.id, data))
    for o in dataset.organisations:
        data = {
            "kind": "org",
            "id": o.id,
            "name": o.name,
            "org_kind": o.kind.value,
            "division": o.division_id,
        }
        nodes.append(("org:" + o.id, data))
        edges.append(("org:" + o.id, "division:" + o.division_id, {"kind": located_in}))
        if o.parent_id is not None:
            edges.append(("org:" + o.id, "org:" + o.parent_id, {"kind": part_of}))


def _committees_and_schools(dataset: Dataset, nodes: list[_Node], edges: list[_Edge]) -> None:
    for c in dataset.committees:
        nodes.append(("committee:" + c.id, {"kind": "committee", "id": c.id, "name": c.name}))
        edges.append(("committee:" + c.id, "org:" + c.government_id, {"kind": EdgeKind.COMMITTEE_OF.value}))
        if c.office_host_id is not None:
            edges.append(("committee:" + c.id, "org:" + c.office_host_id, {"kind": EdgeKind.OFFICE_AT.value}))
    edges.extend(
        ("org:" + m.organisation_id, "committee:" + m.committee_id, {"kind": EdgeKind.MEMBER_OF.value})
        for m in dataset.committee_members
    )
    for s in dataset.schools:
        nodes.append(
            ("school:" + s.id, {"kind": "school", "id": s.id, "name": s.name, "division": s.division_id})
        )
        edges.append(("school:" + s.id, "division:" + s.division_id, {"kind": EdgeKind.LOCATED_IN.value}))
        if s.administered_by is not None:
            edges.append(("org:" + s.administered_by, "school:" + s.id, {"kind": EdgeKind.ADMINISTERS.value}))


def _oversight(dataset: Dataset, edges: list[_Edge]) -> None:
    prefixes = {SubjectKind.ORGANISATION: "org:", SubjectKind.SCHOOL: "school:"}
    edges.extend(
        (
            "org:" + v.body_id,
            prefixes[v.subject_kind] + v.subject_id,
            {"kind": EdgeKind.SUPERVISES.value, "record": v.id, "year": v.start.year},
        )
        for v in dataset.supervisions
        if v.subject_kind in prefixes
    )
    edges.extend(
        (
            "org:" + e.evaluator_id,
            "org:" + e.evaluatee_id,
            {"kind": EdgeKind.EVALUATES.value, "record": e.id, "year": e.year},
        )
        for e in dataset.duty_evaluations
    )


def _bulk_load(graph: Any, nodes: Iterable[_Node], edges: Iterable[_Edge]) -> None:
    """Fill an empty MultiDiGraph with nodes and edges in one pass over its adjacency dicts.

    The result equals ``add_nodes_from(nodes)`` then ``add_edges_from(edges)`` (integer keys from 0 per node
    pair, the data dicts taken as they are; a test checks the equality), at a fifth of the cost: networkx's own
    loop re-checks every node and re-derives every key, which dominates building a national hierarchy. It writes
    the dict-of-dicts layout networkx documents for ``MultiDiGraph`` (``_node``, ``_succ``, ``_pred``, keydicts
    shared between ``_succ[u][v]`` and ``_pred[v][u]``) and clears the graph's cache as ``add_edge`` does.
    """
    node, succ, pred = graph._node, graph._succ, graph._pred
    for key, data in nodes:
        if key in node:
            node[key].update(data)
        else:
            node[key], succ[key], pred[key] = data, {}, {}
    for u, v, data in edges:
        for end in (u, v):
            if end not in node:
                node[end], succ[end], pred[end] = {}, {}, {}
        keydict = succ[u].get(v)
        if keydict is None:
            keydict = succ[u][v] = pred[v][u] = {}
        keydict[len(keydict)] = data
    nx._clear_cache(graph)


def _structure(graph: Any, dataset: Dataset) -> list[_Edge]:
    """Add divisions, organisations, committees, schools and the oversight relations; return the oversight edges."""
    nodes: list[_Node] = []
    edges: list[_Edge] = []
    oversight: list[_Edge] = []
    _hierarchy(dataset, nodes, edges)
    _committees_and_schools(dataset, nodes, edges)
    _oversight(dataset, oversight)
    _bulk_load(graph, nodes, [*edges, *oversight])
    return oversight


def _tasks(graph: Any, resolution: Resolution) -> None:
    for order, task in enumerate(resolution.tasks):
        tnode = node_id(NodeKind.TASK, task.task_id)
        clause = task.clause
        graph.add_node(
            tnode,
            kind="task",
            id=task.task_id,
            name=clause.raw.strip(),
            order=order,
            lead=clause.lead or "",
            leads=clause.leads,
            units=clause.resolved_units,
            convention="" if clause.convention is None else clause.convention.value,
        )
        collectives: dict[str, str] = {}
        for k, (written, resolved) in enumerate(zip(clause.units, clause.resolved_units, strict=True)):
            if written not in clause.collectives:
                continue
            cnode = node_id(NodeKind.COLLECTIVE, f"{task.task_id}/{k + 1}")
            collectives[resolved] = cnode
            role = Role.LEAD if written in clause.leads else Role.CO_RESPONSIBLE
            graph.add_node(cnode, kind="collective", id=f"{task.task_id}/{k + 1}", name=resolved)
            graph.add_edge(tnode, cnode, kind=_ROLE_EDGE[role], unit=resolved)
        for unit in task.units:
            onode = node_id(NodeKind.ORGANISATION, unit.organisation_id)
            graph.add_edge(
                tnode, onode, kind=_ROLE_EDGE[unit.role], unit=unit.unit, via=unit.via or "", path=unit.path
            )
            if unit.via is not None and unit.via in collectives:
                graph.add_edge(collectives[unit.via], onode, kind=EdgeKind.INCLUDES.value)


def _cycles(graph: Any, pairs: Iterable[tuple[str, str]]) -> tuple[ResolutionProblem, ...]:
    oversight = nx.DiGraph()
    oversight.add_edges_from(pairs)
    problems: list[ResolutionProblem] = []
    groups = [sorted(c) for c in nx.strongly_connected_components(oversight)]
    for group in sorted(groups):
        if len(group) == 1 and not oversight.has_edge(group[0], group[0]):
            continue
        cycle = [u for u, _v in nx.find_cycle(oversight.subgraph(group), source=group[0])]
        start = cycle.index(min(cycle))
        cycle = cycle[start:] + cycle[:start]
        ids = tuple(n.partition(":")[2] for n in cycle)
        names = " → ".join(graph.nodes[n]["name"] for n in [*cycle, cycle[0]])
        problems.append(
            ResolutionProblem(
                code="responsibility.supervision_cycle",
                severity=PROBLEM_CODES["responsibility.supervision_cycle"],
                message=f"supervision runs in a circle: {names}",
                organisation_ids=ids,
            )
        )
    return tuple(problems)


def supervision_cycles(graph: Any) -> tuple[ResolutionProblem, ...]:
    """Return one ``responsibility.supervision_cycle`` problem per cycle of who supervises or evaluates whom.

    The relation is the ``supervises`` and ``evaluates`` edges between organisations (and schools), taken as
    recorded. Each strongly connected group (or an organisation overseeing itself) is reported once, with one
    cycle through it, starting at its smallest id.

    Examples
    --------
    >>> from edusupervision._sample import sample_dataset
    >>> supervision_cycles(build_graph(sample_dataset()))
    ()

    """
    return _cycles(graph, ((u, v) for u, v, kind in graph.edges(data="kind") if kind in _OVERSIGHT))


def build_graph(
    dataset: Dataset,
    clauses: Iterable[Clause] = (),
    *,
    task_prefix: str = "T",
    include_zones: bool | None = None,
    root_division_id: str | None = None,
    jurisdiction: Jurisdiction | None = None,
) -> Any:
    """Build the responsibility graph of a dataset and (optionally) the clauses of a text.

    Parameters
    ----------
    dataset:
        The jurisdiction's records.
    clauses:
        Clauses from :func:`~edusupervision.responsibility.parse_clauses`; each becomes a task node
        ``task:{task_prefix}{n}`` (n from 1), resolved against the dataset (see :func:`resolve`).
    task_prefix:
        Prefix of task ids.
    include_zones:
        Whether county-level collectives include functional zones: ``None`` as the scope notes say.
    root_division_id:
        The division the text was issued at (default: the dataset's own division).
    jurisdiction:
        A prepared :class:`Jurisdiction` of ``dataset`` to reuse (saves re-indexing).

    Returns
    -------
    networkx.MultiDiGraph
        See the module documentation for node and edge kinds.

    Examples
    --------
    >>> from edusupervision._sample import sample_dataset
    >>> from edusupervision._responsibility._parser import parse_clauses
    >>> G = build_graph(sample_dataset(), parse_clauses("（责任单位：县教育局、县财政局）"))
    >>> G.nodes["task:T1"]["kind"], G.nodes["org:org-qs-edu"]["name"]
    ('task', '青山县教育局')
    >>> sorted(k for _, _, k in G.out_edges("task:T1", data="kind"))
    ['co_responsible', 'lead']

    """
    graph = nx.MultiDiGraph()
    clauses = tuple(clauses)
    problems: list[ResolutionProblem] = []
    with collector_paused():
        oversight = _structure(graph, dataset)
        if clauses:
            source = jurisdiction if jurisdiction is not None else dataset
            resolution = resolve(
                source,
                clauses,
                task_prefix=task_prefix,
                include_zones=include_zones,
                root_division_id=root_division_id,
            )
            _tasks(graph, resolution)
            problems.extend(resolution.problems)
            root = resolution.root_division_id
        else:
            root = root_division_id or dataset.info.root_division_id
    problems.extend(_cycles(graph, ((u, v) for u, v, _data in oversight)))
    graph.graph.update(name=dataset.info.name, root_division=root or "", problems=tuple(problems))
    return graph


def graph_problems(graph: Any) -> tuple[ResolutionProblem, ...]:
    """Return the problems found while building ``graph`` (clause checks, then supervision cycles)."""
    problems: tuple[ResolutionProblem, ...] = graph.graph.get("problems", ())
    return problems


# ----------------------------------------------------------------------------------------------
# queries


def _task_order(graph: Any, task_nodes: Iterable[str]) -> tuple[str, ...]:
    ordered = sorted(set(task_nodes), key=lambda n: (graph.nodes[n]["order"], n))
    return tuple(graph.nodes[n]["id"] for n in ordered)


def _roles_of(graph: Any, org_id: str) -> tuple[set[str], set[str]]:
    node = node_id(NodeKind.ORGANISATION, org_id)
    _require(graph, node, NodeKind.ORGANISATION)
    leads: set[str] = set()
    shares: set[str] = set()
    for task, _org, kind in graph.in_edges(node, data="kind"):
        if kind == EdgeKind.LEAD.value:
            leads.add(task)
        elif kind == EdgeKind.CO_RESPONSIBLE.value:
            shares.add(task)
    return leads, shares - leads


def tasks_led_by(graph: Any, org_id: str) -> tuple[str, ...]:
    """Return the ids of the tasks ``org_id`` leads (alone or through a collective lead), in text order.

    Raises
    ------
    KeyError
        If the organisation is not in the graph.

    Examples
    --------
    >>> from edusupervision._sample import sample_dataset
    >>> from edusupervision._responsibility._parser import parse_clauses
    >>> text = "（责任单位：县教育局、县财政局）（责任单位：县财政局、县教育局）"
    >>> G = build_graph(sample_dataset(), parse_clauses(text))
    >>> tasks_led_by(G, "org-qs-edu")
    ('T1',)

    """
    return _task_order(graph, _roles_of(graph, org_id)[0])


def tasks_shared_by(graph: Any, org_id: str) -> tuple[str, ...]:
    """Return the ids of the tasks ``org_id`` is co-responsible for without leading them, in text order.

    Examples
    --------
    >>> from edusupervision._sample import sample_dataset
    >>> from edusupervision._responsibility._parser import parse_clauses
    >>> text = "（责任单位：县教育局、县财政局）（责任单位：县财政局、县教育局）"
    >>> tasks_shared_by(build_graph(sample_dataset(), parse_clauses(text)), "org-qs-edu")
    ('T2',)

    """
    return _task_order(graph, _roles_of(graph, org_id)[1])


def units_for_task(graph: Any, task_id: str) -> dict[str, str]:
    """Return ``{organisation id: role}`` for a task: leads first, then the others, each by id.

    An organisation that leads through one unit and shares through another is a lead.

    Examples
    --------
    >>> from edusupervision._sample import sample_dataset
    >>> from edusupervision._responsibility._parser import parse_clauses
    >>> G = build_graph(sample_dataset(), parse_clauses("（责任单位：市教育局、县教育局、县财政局）"))
    >>> units_for_task(G, "T1")
    {'org-yz-edu': 'lead', 'org-qs-edu': 'co_responsible', 'org-qs-fin': 'co_responsible'}

    """
    node = node_id(NodeKind.TASK, task_id)
    _require(graph, node, NodeKind.TASK)
    roles: dict[str, str] = {}
    for _task, target, kind in graph.out_edges(node, data="kind"):
        if not target.startswith("org:"):
            continue
        key = graph.nodes[target]["id"]
        if kind == EdgeKind.LEAD.value or key not in roles:
            roles[key] = kind
    return dict(sorted(roles.items(), key=lambda item: (item[1] != EdgeKind.LEAD.value, item[0])))


def explain(graph: Any, task_id: str, org_id: str) -> tuple[tuple[str, ...], ...]:
    """Return why ``org_id`` is responsible for ``task_id``: one explanation path per route, ``()`` if it is not.

    Paths through which the organisation leads come first, then shorter ones.

    Examples
    --------
    >>> from edusupervision._sample import sample_dataset
    >>> from edusupervision._responsibility._parser import parse_clauses
    >>> G = build_graph(sample_dataset(), parse_clauses("（责任单位：县教育局、乡镇人民政府）"))
    >>> for step in explain(G, "T1", "org-xh-gov")[0]:
    ...     print(step)
    task T1 lists '乡镇人民政府' as co-responsible (配合/责任)
    '乡镇人民政府' stands for the 人民政府 of every township-level division of 青山县
    西河镇 [div-xihe] is a 镇 (township level)
    西河镇人民政府 [org-xh-gov] is its 人民政府

    """
    tnode = node_id(NodeKind.TASK, task_id)
    _require(graph, tnode, NodeKind.TASK)
    onode = node_id(NodeKind.ORGANISATION, org_id)
    if not graph.has_edge(tnode, onode):
        return ()
    paths = {
        tuple(data["path"]): data["kind"] != EdgeKind.LEAD.value
        for data in graph.get_edge_data(tnode, onode).values()
        if "path" in data
    }
    return tuple(sorted(paths, key=lambda p: (paths[p], len(p), p)))


def under_government(graph: Any, org_id: str, *, kind: NodeKind = NodeKind.ORGANISATION) -> tuple[str, ...]:
    """Return the ids of everything of ``kind`` under a government, sorted.

    "Under" means located in the government's division or any division below it; the government itself is
    left out. ``kind`` is :attr:`NodeKind.ORGANISATION` (default), :attr:`NodeKind.SCHOOL` or
    :attr:`NodeKind.DIVISION`.

    Raises
    ------
    KeyError
        If the organisation is not in the graph.
    ValueError
        If it is not a government (or a zone's management committee).

    Examples
    --------
    >>> from edusupervision._sample import sample_dataset
    >>> G = build_graph(sample_dataset())
    >>> under_government(G, "org-qs-gov", kind=NodeKind.DIVISION)
    ('div-chengguan', 'div-dongping', 'div-nanshan', 'div-xihe')
    >>> len(under_government(G, "org-qs-gov", kind=NodeKind.SCHOOL))
    60
    >>> under_government(G, "org-xh-gov")
    ()

    """
    data = _require(graph, node_id(NodeKind.ORGANISATION, org_id), NodeKind.ORGANISATION)
    if data["org_kind"] not in ("government", "management_committee"):
        msg = f"{data['name']} [{org_id}] is not a government"
        raise ValueError(msg)
    start = node_id(NodeKind.DIVISION, data["division"])
    part_of, located_in = EdgeKind.PART_OF.value, EdgeKind.LOCATED_IN.value
    divisions = [start]
    out: set[str] = set()
    while divisions:
        current = divisions.pop()
        for child, _d, edge_kind in graph.in_edges(current, data="kind"):
            if edge_kind == part_of:
                divisions.append(child)
                if kind is NodeKind.DIVISION:
                    out.add(child)
            elif edge_kind == located_in and child.startswith(kind.value + ":"):
                out.add(child)
    out.discard(node_id(NodeKind.ORGANISATION, org_id))
    return tuple(sorted(graph.nodes[n]["id"] for n in out))


def supervising_chain(graph: Any, school_id: str) -> tuple[str, ...]:
    """Return the supervision bodies over a school, nearest first: its county's, then each level above.

    Walks the parent map on the division nodes (``parent``, ``body``); levels without a recorded supervision
    body are skipped.

    Examples
    --------
    >>> from edusupervision._sample import sample_dataset
    >>> supervising_chain(build_graph(sample_dataset()), "sch-001")
    ('org-qs-body', 'org-yz-body', 'org-sf-body')

    """
    data = _require(graph, node_id(NodeKind.SCHOOL, school_id), NodeKind.SCHOOL)
    nodes = graph.nodes
    chain: list[str] = []
    current: str | None = data["division"]
    while current is not None and len(chain) <= len(nodes):
        division = nodes["division:" + current]
        body = division.get("body")
        if body is not None:
            chain.append(body)
        current = division.get("parent")
    return tuple(chain)


# ----------------------------------------------------------------------------------------------
# export


def _jsonable(value: Any) -> Any:
    if isinstance(value, ResolutionProblem):
        return value.to_dict()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return value


def to_node_link(graph: Any) -> dict[str, Any]:
    """Return the graph as node-link JSON data (``nodes``, ``edges``; tuples as lists, problems as dicts).

    Examples
    --------
    >>> import json
    >>> from edusupervision._sample import sample_dataset
    >>> data = to_node_link(build_graph(sample_dataset()))
    >>> sorted(data)
    ['directed', 'edges', 'graph', 'multigraph', 'nodes']
    >>> json.loads(json.dumps(data, ensure_ascii=False))["graph"]["name"]
    '青山县 sample'

    """
    data: dict[str, Any] = nx.node_link_data(graph, edges="edges")
    return {key: _jsonable(value) for key, value in data.items()}


def _graphml_value(value: Any) -> Any:
    if isinstance(value, bool | int | float | str):
        return value
    return json.dumps(_jsonable(value), ensure_ascii=False)


def write_graphml(graph: Any, path: str | os.PathLike[str]) -> None:
    """Write the graph as GraphML; values GraphML cannot hold (paths, lists, problems) are written as JSON text.

    Examples
    --------
    >>> import pathlib, tempfile, networkx as nx
    >>> from edusupervision._sample import sample_dataset
    >>> G = build_graph(sample_dataset())
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     target = pathlib.Path(folder) / "g.graphml"
    ...     write_graphml(G, target)
    ...     nx.read_graphml(target).number_of_nodes() == G.number_of_nodes()
    True

    """
    copy = nx.MultiDiGraph()
    copy.graph.update({k: _graphml_value(v) for k, v in graph.graph.items() if v is not None})
    copy.add_nodes_from(
        (n, {k: _graphml_value(v) for k, v in d.items() if v is not None}) for n, d in graph.nodes(data=True)
    )
    copy.add_edges_from(
        (u, v, key, {k: _graphml_value(x) for k, x in d.items() if x is not None})
        for u, v, key, d in graph.edges(keys=True, data=True)
    )
    nx.write_graphml(copy, path)


_COLOURS: Final = {
    "division": "#d9d9d9",
    "org": "#9ecae1",
    "committee": "#fdd0a2",
    "school": "#c7e9c0",
    "task": "#fc9272",
    "collective": "#dadaeb",
}


def draw(graph: Any, ax: Any = None, *, nodes: Sequence[str] | None = None) -> Any:
    """Draw the graph (or the subgraph of ``nodes``) with matplotlib, for notebooks; return the axes.

    By default a graph with tasks is drawn as its tasks, collectives and the organisations they reach; a graph
    without tasks is drawn whole. Nodes are coloured by kind and laid out deterministically.

    Raises
    ------
    ImportError
        If matplotlib is not installed (it is an optional dependency: ``pip install matplotlib``).

    """
    try:
        plt: Any = importlib.import_module("matplotlib.pyplot")  # optional dependency, loaded only to draw
    except ImportError as exc:
        msg = "draw() needs matplotlib, an optional dependency: pip install matplotlib"
        raise ImportError(msg) from exc
    if nodes is None:
        tasks = [n for n, k in graph.nodes(data="kind") if k in ("task", "collective")]
        chosen = set(tasks) | {v for t in tasks for _u, v in graph.out_edges(t)} if tasks else set(graph)
    else:
        chosen = set(nodes)
    sub = graph.subgraph(sorted(chosen))
    if ax is None:
        _fig, ax = plt.subplots(figsize=(10, 8))
    layout = nx.spring_layout(sub, seed=0)
    nx.draw_networkx(
        sub,
        pos=layout,
        ax=ax,
        labels={n: d.get("name", n)[:12] for n, d in sub.nodes(data=True)},
        node_color=[_COLOURS.get(d.get("kind", ""), "#ffffff") for _n, d in sub.nodes(data=True)],
        font_size=7,
        node_size=300,
        arrows=True,
    )
    ax.set_axis_off()
    return ax
