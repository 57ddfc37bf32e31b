"""Where profiles are kept: the library of profiles with its trash, and recovery files of unsaved
edits. Imports: history and below."""
