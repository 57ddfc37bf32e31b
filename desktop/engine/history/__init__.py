"""Published versions of a policy and what changed between two of them: the version files, the
comparison (text, redline, summary in plain words). Imports: export, policy and below."""
