"""Registry of the demo sites, by URL name."""

from __future__ import annotations

from ..core import Site
from .funknetz import FunkNetz
from .helpcentre import PaketBlitz, ParcelPal
from .kontofix import KontoFix
from .streamline import Streamline
from .tagesblatt import Tagesblatt

SITES: dict[str, Site] = {s.name: s for s in (Streamline(), FunkNetz(), KontoFix(), ParcelPal(), PaketBlitz(),
                                              Tagesblatt())}

__all__ = ["SITES"]
