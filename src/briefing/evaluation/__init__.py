"""Score briefings against annotated attributions: annotation readers and the one scorer.
"""
