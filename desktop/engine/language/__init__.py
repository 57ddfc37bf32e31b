"""The small languages the clause library is written in: conditions (`when = "…"`, `{{if …}}`),
the clause body markup, the shapes of values (email, web address, safe link), and the English of
dates and lists of words, which every layer writes the same way.
Imports no other engine package."""
