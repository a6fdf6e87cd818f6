"""Coverage of comprehensive school supervision, cycle planning, its independent checker and scenarios.

The public face is :mod:`edusupervision.planning`; see ``docs/planning.md``.
"""
