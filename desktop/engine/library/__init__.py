"""The clause library: sections, clauses, practices, options and tokens, and the catalogue of services
(`_services/`); reading and validating `snippets/` and the user's own folders, the parsed cache, and finding a practice by its words.
Imports: files, language, reference, facts, profile."""
