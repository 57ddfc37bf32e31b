"""Policywright: draft a coherent privacy policy by picking practices from a clause library."""

__version__ = "0.1.0"
