"""Step 3, the site: the graph to HTML pages.

The page generator (``pages``), template helpers (``templating``), long lists
split into pages (``pagination``), names linked in summaries (``linking``),
SVG charts and JSON-LD (``charts``, ``structured_data``), and the inputs keys and
cached fragments that keep a rebuild small (``incremental``).
"""
