"""Exporters that need Qt: the engine imports no Qt, so they live here and are declared in its FORMATS."""
