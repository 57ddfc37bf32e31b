"""What the world is made of, as data read from the clause library: the laws (regimes), the
countries, and the fact vocabulary (data categories, recipients, purposes, audiences).
Imports: language."""
