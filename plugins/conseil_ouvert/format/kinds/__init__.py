"""One module a kind of content file: the French keys it takes, declared once."""
