"""Control panels and small reusable widgets."""
