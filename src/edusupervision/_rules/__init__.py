"""The rulebook as code: the cited sources, the rules and the profiles that select them."""
