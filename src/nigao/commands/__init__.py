"""One module per CLI command; each is a small Click function over the library."""
