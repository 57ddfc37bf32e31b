"""The policy: one profile + the library -> one Document (numbered outline, terms defined once,
every token filled), what it states as facts, a clause's wording for rewording, what an edit
changed, and the text diff of two policies. Imports: everything above it in the list of
desktop/engine/__init__.py, never review, export, history or storage."""
