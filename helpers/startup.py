"""Process start-up for the commands and the test run: skip one import that costs ~2 s per process
and that nothing here uses.

nbformat validates notebooks with jsonschema, whose format checkers import every optional backend
at once; ``rfc3987_syntax`` (the checker of the ``iri`` and ``iri-reference`` formats, pulled in
by ``jsonschema[format-nongpl]``) compiles some 35 Earley parsers at import: about 2 s of CPU
(python-jsonschema/jsonschema#1428; opendatahub-io/notebooks#3532). No notebook or Jupyter
schema uses those formats. Marking the module absent before jsonschema is imported makes
jsonschema skip those two formats, as it does wherever the package is not installed; nothing else
changes. Imported first by ``python -m helpers`` and, as a pytest plugin (``-p helpers.startup``),
by the test run; notebook kernels never import jsonschema."""
from __future__ import annotations

import sys

if "jsonschema" not in sys.modules:  # too late once jsonschema has looked: leave it as it is
    sys.modules.setdefault("rfc3987_syntax", None)
