"""Facts: what a clause states, as data, the contradictions between facts and the text they
generate (the CCPA lists, the retention schedule). See docs/facts.md.
Imports: language, reference."""
