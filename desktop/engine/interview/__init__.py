"""The interview: answers in plain words -> the practices, options, details and laws of a profile;
and what can be wrong with its questions file. Imports: profile, reference, library (and below)."""
