"""The core: the domain model, the one exception tree, options and settings, limits, inputs and secrets.

Every other package may import it; it imports none of them.
"""
