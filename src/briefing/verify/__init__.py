"""Check a claim against articles: ``check``/``acheck`` and the ``Checker``, offline or with a model.
"""

from briefing.verify.checker import (
    Checker,
    CheckOptions,
    Evidence,
    Verification,
    acheck,
    check,
)

__all__ = ["CheckOptions", "Checker", "Evidence", "Verification", "acheck", "check"]
