"""Build the one-folder app with PyInstaller (build.spec) and say where it is and how big.

    .venv/bin/pip install pyinstaller
    .venv/bin/python scripts/build_bundle.py [--dist DIR] [--work DIR]

The folder is DIR/policywright (dist/policywright by default); its `policywright` executable is
the whole app: the window and every command. Exit 2 when PyInstaller is not installed.
"""

import argparse
import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def folder_size(folder: Path) -> int:
    """Bytes in the folder's files, each counted once (links are not followed)."""
    return sum(path.lstat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def build(dist: Path, work: Path) -> Path:
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(dist), "--workpath", str(work), str(ROOT / "build.spec")]
    subprocess.run(command, check=True, cwd=ROOT)
    return dist / "policywright"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the app's folder goes")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller's scratch folder")
    args = parser.parse_args()
    if importlib.util.find_spec("PyInstaller") is None:
        print(f"build_bundle: PyInstaller is not installed: {sys.executable} -m pip install pyinstaller", file=sys.stderr)
        return 2
    try:
        folder = build(args.dist.resolve(), args.work.resolve())
    except subprocess.CalledProcessError as error:
        print(f"build_bundle: PyInstaller failed (exit {error.returncode}); its messages are above", file=sys.stderr)
        return 1
    print(f"built {folder} ({folder_size(folder) / 2**20:.0f} MiB); run {folder / 'policywright'} --help")
    return 0


if __name__ == "__main__":
    sys.exit(main())
