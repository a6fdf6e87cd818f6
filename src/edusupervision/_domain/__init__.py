"""Typed domain model: vocabularies, records, and the dataset aggregate."""
