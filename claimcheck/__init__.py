"""claimcheck: track claims across sources and flag where they contradict each other."""

__version__ = "0.1.0"
