"""Confab: conversation analytics for AI avatars and chat agents. A standard-library-only client.

    from confab import Confab

    with Confab("cfb_...", "http://localhost:3000") as confab:
        confab.get_or_create_conversation("conv-1", customer_id="user-42", source="web")
        confab.track_message("conv-1", "user", "Hi!")
"""

from ._version import __version__
from .client import Confab, DateInput, SyncClient
from .errors import ConfabError

__all__ = ["Confab", "ConfabError", "SyncClient", "DateInput", "__version__"]
