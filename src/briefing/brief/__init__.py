"""Brief articles: the ``Briefer`` (article -> Briefing with a model), chunk merging, the cache,
``brief_each`` over many articles, the Batch API and the run's spend tally.
"""
