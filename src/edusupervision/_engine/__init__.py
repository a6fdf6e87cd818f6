"""Evaluation: validate a dataset under a profile into a report of cited findings."""
