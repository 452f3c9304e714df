"""The offline demo's sites: realistic Indonesian police humas blogs served on loopback.

One or more sites per platform, 1,045 posts in all (Blogger 360, WordPress 260, Odoo 120,
Lampung 105, news CMS 100, generic 100):

* ``demo-humaspolresmetro``: a custom-domain blog (like humaspolresmetro.com) whose feed pages
  25 posts at a time and whose ``next`` links go through another host (the fake
  ``www.blogger.com``), 180 posts, Simple theme.
* ``demo-humaspolresnganjuk``: a blogspot blog, 50 posts a feed page, Contempo theme, 140 posts.
* ``demo-polressanggau``: a blog whose feed carries summaries only, so each post page is
  fetched and its body cleaned of the theme's chrome, 40 posts.
* ``demo-polresgowa``: WordPress with its REST API open, in WITA (Sulawesi Selatan), 150 posts.
* ``demo-humaspolresbanjarnegara``: WordPress whose REST API answers 401, read through its
  full RSS feed instead, 110 posts.
* ``demo-tribratanews-polri``: the national Odoo portal's /blog listings, 120 posts.
* ``demo-tribratanews-resmetro``: a Polda Lampung "detail-post" site, 105 posts.
* ``demo-sumbawa-newscms``: a channel of the shared news CMS, in WITA, 100 posts.
* ``demo-portal-poso``: an unknown-CMS local portal read by the generic spider, in WITA,
  100 posts.

Ports are fixed (from 8751 on) when free, so the demo's URLs, and with them the canonical URLs
in the database, are the same from one run to the next.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from crawler.demo.blogger import BloggerBlogSite, BloggerFeedHub
from crawler.demo.content import DemoBlog, make_blog
from crawler.demo.mockweb import MockWeb
from crawler.registry import Site

DEMO_FIRST_PORT = 8751
#: The demo's newest post; everything is generated backwards from it.
DEMO_NEWEST = datetime(2026, 11, 20, 16, 45, tzinfo=timezone(timedelta(hours=7)))


@dataclass(frozen=True)
class DemoBlogSpec:
    """How one demo site is generated and served."""

    site_id: str
    name: str
    platform: str
    unit: str
    polda: str
    province: str
    posts: int
    seed: int
    utc_offset_hours: int = 7
    #: Keyword arguments for the platform's fake site class.
    options: tuple[tuple[str, object], ...] = ()
    via_hub: bool = False
    unit_level: str = "polres"


DEMO_BLOGS = (
    DemoBlogSpec("demo-humaspolresmetro", "Humas Polres Metro (demo)", "blogger",
                 "Polres Metro", "Polda Lampung", "Lampung", 180, 11,
                 options=(("page_cap", 25),), via_hub=True),
    DemoBlogSpec("demo-humaspolresnganjuk", "Humas Polres Nganjuk (demo)", "blogger",
                 "Polres Nganjuk", "Polda Jatim", "Jawa Timur", 140, 12,
                 options=(("page_cap", 50), ("theme", "contempo"))),
    DemoBlogSpec("demo-polressanggau", "Polres Sanggau (demo)", "blogger",
                 "Polres Sanggau", "Polda Kalbar", "Kalimantan Barat", 40, 13,
                 options=(("page_cap", 25), ("summary_only", True))),
    DemoBlogSpec("demo-polresgowa", "Polres Gowa (demo, WordPress)", "wordpress",
                 "Polres Gowa", "Polda Sulsel", "Sulawesi Selatan", 150, 14,
                 utc_offset_hours=8, options=(("theme", "astra"),)),
    DemoBlogSpec("demo-humaspolresbanjarnegara", "Humas Polres Banjarnegara (demo, WordPress "
                 "with REST off)", "wordpress", "Polres Banjarnegara", "Polda Jateng",
                 "Jawa Tengah", 110, 15, options=(("rest", "401"), ("theme", "jnews"))),
    DemoBlogSpec("demo-tribratanews-polri", "Tribratanews Polri (demo, Odoo)", "odoo",
                 "Polres Purwakarta", "Polda Jabar", "Jawa Barat", 120, 16),
    DemoBlogSpec("demo-tribratanews-resmetro", "Tribratanews Polres Metro (demo, Lampung "
                 "detail-post)", "lampung", "Polres Metro", "Polda Lampung", "Lampung", 105, 17),
    DemoBlogSpec("demo-sumbawa-newscms", "Sumbawa channel (demo, news CMS)", "newscms",
                 "Polres Sumbawa", "Polda NTB", "Nusa Tenggara Barat", 100, 18,
                 utc_offset_hours=8),
    DemoBlogSpec("demo-portal-poso", "Portal berita Poso (demo, generic)", "generic",
                 "Polres Poso", "Polda Sulteng", "Sulawesi Tengah", 100, 19,
                 utc_offset_hours=8),
)

_TIMEZONES = {7: "WIB", 8: "WITA", 9: "WIT"}


def port_free(port: int, host: str = "127.0.0.1") -> bool:
    """True when nothing listens on ``host:port``."""
    with socket.socket() as sock:
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def fake_site(spec: DemoBlogSpec, blog: DemoBlog, base_url: str, hub: BloggerFeedHub) -> Any:
    """The platform's fake site for a demo spec."""
    options = dict(spec.options)
    if spec.platform == "blogger":
        site = BloggerBlogSite(blog, base_url, hub_url=hub.base_url if spec.via_hub else None,
                               **options)
        hub.register(site)
        return site
    if spec.platform == "wordpress":
        from crawler.demo.wordpress import WordPressSite

        return WordPressSite(blog, base_url, **options)
    if spec.platform == "odoo":
        from crawler.demo.odoo import OdooBlogSite

        return OdooBlogSite(blog, base_url, **options)
    if spec.platform == "lampung":
        from crawler.demo.lampung import LampungSite

        return LampungSite(blog, base_url, **options)
    if spec.platform == "newscms":
        from crawler.demo.newscms import NewsCmsSite

        return NewsCmsSite(blog, base_url, **options)
    if spec.platform == "generic":
        from crawler.demo.generic import GenericNewsSite

        return GenericNewsSite(blog, base_url, **options)
    raise ValueError(f"no fake site for platform {spec.platform!r}")


#: Units (with Polda, province, UTC offset) the mixed mock web draws its sites from.
_UNITS = (
    ("Polres Metro", "Polda Lampung", "Lampung", 7),
    ("Polres Nganjuk", "Polda Jatim", "Jawa Timur", 7),
    ("Polres Purwakarta", "Polda Jabar", "Jawa Barat", 7),
    ("Polres Gowa", "Polda Sulsel", "Sulawesi Selatan", 8),
    ("Polres Sanggau", "Polda Kalbar", "Kalimantan Barat", 7),
    ("Polres Poso", "Polda Sulteng", "Sulawesi Tengah", 8),
    ("Polres Halmahera Barat", "Polda Maluku Utara", "Maluku Utara", 9),
    ("Polres Tegal Kota", "Polda Jateng", "Jawa Tengah", 7),
)
#: Platform variants of the mixed mock web: (platform, fake-site options).
MIXED_PLATFORMS: dict[str, tuple[str, tuple[tuple[str, object], ...]]] = {
    "blogger": ("blogger", (("page_cap", 150),)),
    "blogger-summary": ("blogger", (("page_cap", 150), ("summary_only", True))),
    "wordpress": ("wordpress", ()),
    "wordpress-rest-off": ("wordpress", (("rest", "401"),)),
    "odoo": ("odoo", ()),
    "lampung": ("lampung", ()),
    "newscms": ("newscms", ()),
    "generic": ("generic", ()),
}


def mixed_specs(variants: list[str], sites_per_variant: int,
                articles_per_site: int) -> tuple[DemoBlogSpec, ...]:
    """Specs for a mock web of ``sites_per_variant`` sites of each platform variant."""
    specs = []
    for v, variant in enumerate(variants):
        platform, options = MIXED_PLATFORMS[variant]
        for n in range(sites_per_variant):
            unit, polda, province, offset = _UNITS[(v * sites_per_variant + n) % len(_UNITS)]
            specs.append(DemoBlogSpec(
                f"mock-{variant}-{n + 1}", f"{unit} ({variant} {n + 1})", platform, unit, polda,
                province, articles_per_site, seed=1000 + 37 * v + n, utc_offset_hours=offset,
                options=options))
    return tuple(specs)


def build_demo_web(web: MockWeb, *, fixed_ports: bool = True, scale: float = 1.0,
                   specs: tuple[DemoBlogSpec, ...] = DEMO_BLOGS,
                   ) -> tuple[list[Site], dict[str, Any]]:
    """Bind and register the demo sites on ``web``; returns their registry rows and sites."""
    ports = list(range(DEMO_FIRST_PORT, DEMO_FIRST_PORT + len(specs) + 1))
    first = len(web.servers) + 1
    hosts = [f"127.0.0.{first + i}" if web.distinct_hosts else web.host
             for i in range(len(ports))]
    use_fixed = fixed_ports and all(port_free(p, h) for p, h in zip(ports, hosts, strict=True))
    hub = BloggerFeedHub(web.bind("blogger-hub", ports[0] if use_fixed else 0))
    # The hub is reached as "localhost", the blogs as 127.0.0.1: another host, as on Blogger.
    hub.base_url = hub.base_url.replace("127.0.0.1", "localhost")
    web.add("blogger-hub", hub)
    sites: list[Site] = []
    served: dict[str, Any] = {}
    for spec, port in zip(specs, ports[1:], strict=True):
        base_url = web.bind(spec.site_id, port if use_fixed else 0)
        blog = make_blog(spec.unit, spec.polda, spec.province, max(1, round(spec.posts * scale)),
                         seed=spec.seed, newest=DEMO_NEWEST.astimezone(
                             timezone(timedelta(hours=spec.utc_offset_hours))),
                         utc_offset_hours=spec.utc_offset_hours,
                         title=spec.name.split(" (demo")[0])
        site = fake_site(spec, blog, base_url, hub)
        web.add(spec.site_id, site)
        served[spec.site_id] = site
        sites.append(Site(
            id=spec.site_id, name=spec.name, url=base_url, platform=spec.platform,
            unit_level=spec.unit_level, unit_name=spec.unit, polda=spec.polda,
            province=spec.province, timezone=_TIMEZONES[spec.utc_offset_hours],
            kind="official", status="active",
            notes="offline demo site served on loopback by `police-news demo`", source="demo"))
    return sites, served
