"""Tools for volunteers and maintainers, beside the build: the command line
(``cli``), scaffolds (``scaffold``), whole decisions in one file (``bundle``),
the SCDL importer (``scdl_import``) and the synthetic corpus for tests and
benchmarks (``synthetic``). Nothing of the build imports them.
"""
