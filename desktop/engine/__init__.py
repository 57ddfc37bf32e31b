"""The engine: library, profile, assembly, checks and export. No Qt import below here."""
