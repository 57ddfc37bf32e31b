"""Qt widgets that present the engine."""
