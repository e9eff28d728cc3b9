"""Confab: conversation analytics for AI avatars. Standard-library-only Python client."""

from .client import Confab, ConfabError, SyncClient

__all__ = ["Confab", "ConfabError", "SyncClient"]
__version__ = "0.1.0"
