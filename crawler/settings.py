"""Scrapy settings for police-news.

Polite by default: robots.txt obeyed, at most two requests at a time per host, AutoThrottle
on, an honest User-Agent with a contact URL, conditional GET. Every item goes through one
pipeline chain ending in the SQLite store. Override any of these per run with
``police-news crawl -s NAME=VALUE`` (or ``scrapy crawl … -s NAME=VALUE``).
"""

from crawler import __version__

BOT_NAME = "police-news"
SPIDER_MODULES = ["crawler.platforms"]
NEWSPIDER_MODULE = "crawler.platforms"

USER_AGENT = (
    f"police-news/{__version__} (+https://github.com/police-news/police-news; "
    "research crawler of public police press releases)"
)

# -- politeness -------------------------------------------------------------------------
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
#: Scrapy 2.19's downloader lets a host's whole queue through at once when there is no
#: download delay; this one keeps CONCURRENT_REQUESTS_PER_DOMAIN even then (crawler/politeness.py).
DOWNLOADER = "crawler.politeness.PoliteDownloader"
DOWNLOAD_DELAY = 1.0
DOWNLOAD_DELAY_JITTER = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 20 * 1024 * 1024
DOWNLOAD_WARNSIZE = 5 * 1024 * 1024
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
REDIRECT_MAX_TIMES = 10
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False

# -- throughput on the feed/API path ----------------------------------------------------
CONCURRENT_ITEMS = 50
WARN_ON_GENERATOR_RETURN_VALUE = False
DNS_TIMEOUT = 20

# -- components -------------------------------------------------------------------------
DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.ConditionalGetMiddleware": 560,
    "crawler.middlewares.RetryAfterMiddleware": 551,
    "crawler.middlewares.CharsetRepairMiddleware": 580,
    # 950: next to the downloader, after every built-in middleware's request side (headers,
    # Accept-Encoding, conditional GET) and before every response side, so the WARC holds the
    # response as received: still compressed, redirects and error pages not yet handled.
    "crawler.archive.WarcArchiveMiddleware": 950,
}
ITEM_PIPELINES = {
    "crawler.pipelines.ValidatePipeline": 100,
    "crawler.pipelines.CleanPipeline": 200,
    "crawler.pipelines.DatesUnitsPipeline": 300,
    "crawler.spam.SpamPipeline": 350,
    "crawler.pipelines.DedupePipeline": 400,
    "crawler.pipelines.StorePipeline": 900,
}
EXTENSIONS = {
    "crawler.extensions.ProgressReporter": 500,
}

# -- police-news ------------------------------------------------------------------------
#: SQLite file; None means $POLICE_NEWS_DB or output/police_news.db.
POLICE_NEWS_DB = None
#: Days subtracted from a site's watermark when an incremental crawl starts (late edits, skew).
POLICE_NEWS_OVERLAP_DAYS = 2.0
#: Articles written per transaction.
POLICE_NEWS_BATCH_SIZE = 200
#: Seconds between progress lines on stderr (0 turns them off).
POLICE_NEWS_PROGRESS_INTERVAL = 0
#: Identifies one CLI invocation in crawl_runs (set by the CLI; generated otherwise).
POLICE_NEWS_RUN_ID = None
#: Send If-None-Match / If-Modified-Since on feed and listing requests.
POLICE_NEWS_CONDITIONAL_GET = True
#: Keep every response as received in gzip WARC files (see docs/archive.md).
POLICE_NEWS_ARCHIVE = True
#: Where the WARC files go; None means $POLICE_NEWS_ARCHIVE, else archive/ next to the database.
POLICE_NEWS_ARCHIVE_DIR = None
#: Start a new WARC file once the current one reaches this many megabytes.
POLICE_NEWS_ARCHIVE_ROTATE_MB = 100

LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"
