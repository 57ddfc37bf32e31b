"""The small languages the clause library is written in: conditions (`when = "…"`, `{{if …}}`),
the clause body markup, and the shapes of values (email, web address, safe link).
Imports no other engine package."""
