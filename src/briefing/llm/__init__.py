"""The model: the only package that imports openai, instructor, httpx or tenacity.

Client, modes, failures, retry, pacing, prompts, output budget and prices. This ``__init__`` imports
nothing, so ``briefing.llm.prices`` or ``briefing.llm.prompts`` load without the SDKs.
"""
