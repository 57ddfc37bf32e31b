"""Exporters that need Qt: the engine imports no Qt, so they live here; desktop/usecases.py plugs them into the formats."""
