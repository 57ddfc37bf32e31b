"""The company profile: what the user tells us (details, practices, options, wording, answers),
its fields declared once, the interview's questions, and its JSON on disk.
Imports: files, language, reference."""
