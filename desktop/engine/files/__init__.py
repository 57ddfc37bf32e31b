"""Files on disk, and nothing of ours: atomic writes, hostile-safe JSON, what a file held when
we read it, the last few copies kept before a save. Imports no other engine package."""
