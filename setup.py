"""Only what pyproject.toml cannot say: copy the top-level journeys/ and checks/ folders into the wheel
as cxaudit/_shipped/, so `pip install .` then `cxaudit demo` works from any folder."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SHIPPED = ("journeys", "checks")


class BuildWithShipped(build_py):
    def run(self):
        super().run()
        if self.editable_mode:  # an editable install reads the folders in the checkout
            return
        for name in SHIPPED:
            src = Path(name)
            if src.is_dir():
                dst = Path(self.build_lib) / "cxaudit" / "_shipped" / name
                shutil.rmtree(dst, ignore_errors=True)
                shutil.copytree(src, dst, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


setup(cmdclass={"build_py": BuildWithShipped})
