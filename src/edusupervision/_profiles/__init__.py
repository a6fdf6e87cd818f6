"""Jurisdiction profiles: one module per jurisdiction, loaded lazily through the registry."""
