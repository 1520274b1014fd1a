"""One module per view; each view draws one kind of core result."""
