"""police-news: a Scrapy crawler for the news Indonesian police units publish."""

__version__ = "0.1.0"

#: Bumped whenever a parser or cleaner changes what it extracts, so every stored row
#: can be traced to the code that produced it (and re-extracted later).
PARSER_VERSION = "2026.11.1"
