"""Loopback OpenAI-compatible servers for tests and users' tests. No library module imports this package.
"""

from briefing.testing.batch_server import BatchServer
from briefing.testing.responder import (
    LoopbackServer,
    Reply,
    Responder,
    completion_body,
    load_answers,
)

__all__ = ["BatchServer", "LoopbackServer", "Reply", "Responder", "completion_body", "load_answers"]
