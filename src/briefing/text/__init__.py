"""Text: folding, tokens, chunking, sentences and quote marks, and passage retrieval. Pure, no model.
"""
