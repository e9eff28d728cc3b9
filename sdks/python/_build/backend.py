"""A PEP 517 / PEP 660 build backend in the standard library alone, so that ``pip install ./sdks/python``
needs nothing from a package index (no setuptools download). It packs ``confab/`` into a pure-Python
wheel; the metadata comes from ``pyproject.toml``'s values below and ``confab/_version.py``."""

from __future__ import annotations

import base64
import hashlib
import io
import os
import re
import tarfile
import zipfile
from pathlib import Path
from typing import Dict, List, Optional, Tuple

ROOT = Path(__file__).resolve().parent.parent
NAME = "confab"
SUMMARY = "Python client for the Confab conversation analytics REST API (standard library only)"
REQUIRES_PYTHON = ">=3.9"
TAG = "py3-none-any"


def _version() -> str:
    text = (ROOT / NAME / "_version.py").read_text(encoding="utf-8")
    match = re.search(r'__version__\s*=\s*"([^"]+)"', text)
    if not match:
        raise RuntimeError("confab/_version.py has no __version__")
    return match.group(1)


def _dist_info() -> str:
    return f"{NAME}-{_version()}.dist-info"


def _metadata() -> bytes:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    head = (f"Metadata-Version: 2.1\nName: {NAME}\nVersion: {_version()}\nSummary: {SUMMARY}\n"
            f"Requires-Python: {REQUIRES_PYTHON}\nClassifier: Typing :: Typed\n"
            "Description-Content-Type: text/markdown\n\n")
    return (head + readme).encode("utf-8")


def _wheel_file() -> bytes:
    return f"Wheel-Version: 1.0\nGenerator: confab-backend\nRoot-Is-Purelib: true\nTag: {TAG}\n".encode()


def _package_files() -> List[Tuple[str, bytes]]:
    files = []
    for path in sorted((ROOT / NAME).rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix in (".py", ".typed"):
            files.append((path.relative_to(ROOT).as_posix(), path.read_bytes()))
    return files


def _write_wheel(directory: str, files: List[Tuple[str, bytes]]) -> str:
    dist_info = _dist_info()
    files = files + [(f"{dist_info}/METADATA", _metadata()), (f"{dist_info}/WHEEL", _wheel_file())]
    filename = f"{NAME}-{_version()}-{TAG}.whl"
    record = io.StringIO()
    with zipfile.ZipFile(os.path.join(directory, filename), "w", zipfile.ZIP_DEFLATED) as wheel:
        for arcname, data in files:
            wheel.writestr(zipfile.ZipInfo(arcname, date_time=(2020, 1, 1, 0, 0, 0)), data,
                           compress_type=zipfile.ZIP_DEFLATED)
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            record.write(f"{arcname},sha256={digest},{len(data)}\n")
        record.write(f"{dist_info}/RECORD,,\n")
        wheel.writestr(zipfile.ZipInfo(f"{dist_info}/RECORD", date_time=(2020, 1, 1, 0, 0, 0)), record.getvalue())
    return filename


# --- the PEP 517 / 660 hooks -------------------------------------------------------------------------

def get_requires_for_build_wheel(config_settings: Optional[Dict[str, str]] = None) -> List[str]:
    return []


def get_requires_for_build_sdist(config_settings: Optional[Dict[str, str]] = None) -> List[str]:
    return []


def get_requires_for_build_editable(config_settings: Optional[Dict[str, str]] = None) -> List[str]:
    return []


def prepare_metadata_for_build_wheel(metadata_directory: str, config_settings: Optional[Dict[str, str]] = None) -> str:
    target = Path(metadata_directory) / _dist_info()
    target.mkdir(parents=True, exist_ok=True)
    (target / "METADATA").write_bytes(_metadata())
    (target / "WHEEL").write_bytes(_wheel_file())
    return target.name


prepare_metadata_for_build_editable = prepare_metadata_for_build_wheel


def build_wheel(wheel_directory: str, config_settings: Optional[Dict[str, str]] = None,
                metadata_directory: Optional[str] = None) -> str:
    return _write_wheel(wheel_directory, _package_files())


def build_editable(wheel_directory: str, config_settings: Optional[Dict[str, str]] = None,
                   metadata_directory: Optional[str] = None) -> str:
    """An editable install: a ``.pth`` file that puts this directory on ``sys.path``."""
    return _write_wheel(wheel_directory, [(f"_{NAME}_editable.pth", f"{ROOT}\n".encode())])


def build_sdist(sdist_directory: str, config_settings: Optional[Dict[str, str]] = None) -> str:
    base = f"{NAME}-{_version()}"
    filename = f"{base}.tar.gz"
    members = [p for p in sorted(ROOT.rglob("*")) if p.is_file() and "__pycache__" not in p.parts
               and not any(part in ("build", "dist") or part.endswith(".egg-info") for part in p.relative_to(ROOT).parts)]
    with tarfile.open(os.path.join(sdist_directory, filename), "w:gz", format=tarfile.PAX_FORMAT) as sdist:
        for path in members:
            sdist.add(str(path), arcname=f"{base}/{path.relative_to(ROOT).as_posix()}", recursive=False)
        info = tarfile.TarInfo(f"{base}/PKG-INFO")
        data = _metadata()
        info.size = len(data)
        sdist.addfile(info, io.BytesIO(data))
    return filename
