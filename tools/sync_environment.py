"""Write environment.yml from requirements.txt, so conda users get exactly the same pins.

Usage: python tools/sync_environment.py [--check]
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = "3.11"


def pins(requirements: Path) -> list[str]:
    """The ``name==version`` lines of a requirements file, in file order."""
    return [line.split()[0] for line in requirements.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.lstrip().startswith(("#", "-"))]


def environment_yml(requirements: Path) -> str:
    lines = [
        "# Conda environment for the TikTok–Oracle notebook suite. Generated from requirements.txt by",
        "# tools/sync_environment.py ('make lock'); the same pins as the .venv that make builds.",
        "# Then: conda activate tiktok-oracle && pip install -e . --no-deps",
        "name: tiktok-oracle",
        "channels:",
        "  - conda-forge",
        "dependencies:",
        f"  - python={PYTHON}",
        "  - pip",
        "  - make",
        "  - pip:",
    ]
    lines += [f"      - {pin}" for pin in pins(requirements)]
    return "\n".join(lines) + "\n"


def main() -> int:
    text = environment_yml(ROOT / "requirements.txt")
    target = ROOT / "environment.yml"
    if "--check" in sys.argv:
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            print("environment.yml is out of date with requirements.txt: run 'make lock'")
            return 1
        return 0
    target.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
