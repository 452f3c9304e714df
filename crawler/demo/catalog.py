"""The offline demo's sites: realistic Indonesian police humas blogs served on loopback.

Three Blogger blogs, 360 posts in all:

* ``demo-humaspolresmetro``: a custom-domain blog (like humaspolresmetro.com) whose feed pages
  25 posts at a time and whose ``next`` links go through another host (the fake
  ``www.blogger.com``), 180 posts, Simple theme.
* ``demo-humaspolresnganjuk``: a blogspot blog, 50 posts a feed page, Contempo theme, 140 posts.
* ``demo-polressanggau``: a blog whose feed carries summaries only, so each post page is
  fetched and its body cleaned of the theme's chrome, 40 posts.

Ports are fixed (8751-8754) when free, so the demo's URLs, and with them the canonical URLs
in the database, are the same from one run to the next.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from crawler.demo.blogger import BloggerBlogSite, BloggerFeedHub
from crawler.demo.content import make_blog
from crawler.demo.mockweb import MockWeb
from crawler.registry import Site

DEMO_FIRST_PORT = 8751
#: The demo's newest post; everything is generated backwards from it.
DEMO_NEWEST = datetime(2026, 11, 20, 16, 45, tzinfo=timezone(timedelta(hours=7)))


@dataclass(frozen=True)
class DemoBlogSpec:
    """How one demo blog is generated and served."""

    site_id: str
    name: str
    unit: str
    polda: str
    province: str
    posts: int
    seed: int
    page_cap: int
    theme: str = "simple"
    via_hub: bool = False
    summary_only: bool = False


DEMO_BLOGS = (
    DemoBlogSpec("demo-humaspolresmetro", "Humas Polres Metro (demo)", "Polres Metro",
                 "Polda Lampung", "Lampung", 180, 11, 25, via_hub=True),
    DemoBlogSpec("demo-humaspolresnganjuk", "Humas Polres Nganjuk (demo)", "Polres Nganjuk",
                 "Polda Jatim", "Jawa Timur", 140, 12, 50, theme="contempo"),
    DemoBlogSpec("demo-polressanggau", "Polres Sanggau (demo)", "Polres Sanggau",
                 "Polda Kalbar", "Kalimantan Barat", 40, 13, 25, summary_only=True),
)


def port_free(port: int, host: str = "127.0.0.1") -> bool:
    """True when nothing listens on ``host:port``."""
    with socket.socket() as sock:
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def build_demo_web(web: MockWeb, *, fixed_ports: bool = True,
                   scale: float = 1.0) -> tuple[list[Site], dict[str, BloggerBlogSite]]:
    """Bind and register the demo blogs on ``web``; returns their registry rows and sites."""
    ports = list(range(DEMO_FIRST_PORT, DEMO_FIRST_PORT + len(DEMO_BLOGS) + 1))
    use_fixed = fixed_ports and all(port_free(p) for p in ports)
    hub = BloggerFeedHub(web.bind("blogger-hub", ports[0] if use_fixed else 0))
    # The hub is reached as "localhost", the blogs as 127.0.0.1: another host, as on Blogger.
    hub.base_url = hub.base_url.replace("127.0.0.1", "localhost")
    web.add("blogger-hub", hub)
    sites: list[Site] = []
    served: dict[str, BloggerBlogSite] = {}
    for spec, port in zip(DEMO_BLOGS, ports[1:], strict=True):
        base_url = web.bind(spec.site_id, port if use_fixed else 0)
        blog = make_blog(spec.unit, spec.polda, spec.province, max(1, round(spec.posts * scale)),
                         seed=spec.seed, newest=DEMO_NEWEST, title=spec.name.replace(" (demo)", ""))
        site = BloggerBlogSite(blog, base_url, page_cap=spec.page_cap, theme=spec.theme,
                               summary_only=spec.summary_only,
                               hub_url=hub.base_url if spec.via_hub else None)
        web.add(spec.site_id, site)
        hub.register(site)
        served[spec.site_id] = site
        sites.append(Site(
            id=spec.site_id, name=spec.name, url=base_url, platform="blogger",
            unit_level="polres", unit_name=spec.unit, polda=spec.polda, province=spec.province,
            timezone="WIB", kind="official", status="active",
            notes="offline demo site served on loopback by `police-news demo`", source="demo"))
    return sites, served
