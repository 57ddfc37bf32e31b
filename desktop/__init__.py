"""Policywright: draft a coherent privacy policy by picking practices from a clause library."""

__version__ = "0.1.0"

# What Policywright is not, said the same way wherever it is said (window, command line, Word file).
NOT_LEGAL_ADVICE = "Drafting help, not legal advice."
HAVE_A_LAWYER = "Have a lawyer review your policy before you rely on it."
DISCLAIMER = f"Policywright is drafting help, not legal advice. {HAVE_A_LAWYER}"
