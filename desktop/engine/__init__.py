"""The engine: everything Policywright knows and does, with no Qt import anywhere below here.

Its packages, each allowed to import only those before it in this list (tests/test_engine_boundary.py):

- files      atomic writes, safe JSON, what a file held on disk
- language   the condition language, clause markup, value shapes
- reference  the laws, the countries, the fact vocabulary: data read from the library
- facts      what a clause states, contradictions between facts, the lists facts generate
- profile    the company profile, its fields, the interview's questions
- library    the clause library: model, loader, validation, cache, search
- interview  answers -> practices, options, details and laws
- policy     profile + library -> Document, its facts, rewording, changes, text diff
- review     checks, coverage, the linter, the example profiles
- export     Document -> bytes of a file (Word, Markdown, HTML)
- history    published versions and what changed between two
- storage    the library of profiles, recovery files
"""
