"""Reading the assembled policy as a reviewer would: the problems (`checks`), what each law asks
and whether the policy says it (`coverage`), the terminology linter, one problem per cause,
and the example profiles the checks vouch for. Imports: policy and below."""
