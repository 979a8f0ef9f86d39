# Shortcuts for ./tasks (which needs nothing but Python and bash).
.PHONY: serve test check build bench
serve test check build bench:
	./tasks $@
