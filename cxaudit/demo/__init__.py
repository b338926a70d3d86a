"""The embedded demo sites used by ``cxaudit demo`` and the tests (see :mod:`cxaudit.demo.server`)."""

from cxaudit.demo.server import DemoServer, serve

__all__ = ["DemoServer", "serve"]
