"""Registry of the demo sites, by URL name."""

from __future__ import annotations

from ..core import Site
from .funknetz import FunkNetz
from .helpcentre import PaketBlitz, ParcelPal
from .kontofix import KontoFix
from .markup import Markup
from .streamline import Streamline
from .tagesblatt import Tagesblatt

SITES: dict[str, Site] = {s.name: s for s in (Streamline(), FunkNetz(), KontoFix(), ParcelPal(), PaketBlitz(),
                                              Tagesblatt())}

# Sites for tests only, not on the demo index: a test adds them to SITES while it runs.
TEST_SITES: dict[str, Site] = {s.name: s for s in (Markup(),)}

__all__ = ["SITES", "TEST_SITES"]
