"""Registry of the demo sites, by URL name."""

from __future__ import annotations

from cxaudit.demo.core import Site
from cxaudit.demo.sites.funknetz import FunkNetz
from cxaudit.demo.sites.helpcentre import PaketBlitz, ParcelPal
from cxaudit.demo.sites.kontofix import KontoFix
from cxaudit.demo.sites.markup import Markup
from cxaudit.demo.sites.streamline import Streamline
from cxaudit.demo.sites.tagesblatt import Tagesblatt

SITES: dict[str, Site] = {s.name: s for s in (Streamline(), FunkNetz(), KontoFix(), ParcelPal(), PaketBlitz(),
                                              Tagesblatt())}

# Sites for tests only, not on the demo index: a test adds them to SITES while it runs.
TEST_SITES: dict[str, Site] = {s.name: s for s in (Markup(),)}

__all__ = ["SITES", "TEST_SITES"]
