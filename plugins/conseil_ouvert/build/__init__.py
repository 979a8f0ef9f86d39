"""Build machinery that knows nothing of records: the staging folder and the
publishing step (``output``), sharded pickles (``store``), the two-process
map (``parallel``) and the Pagefind index (``search``). Imports nothing else of
the plugin, so every step above may use it.
"""
