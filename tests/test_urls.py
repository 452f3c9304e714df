"""Canonical URLs and site-URL checks, with property tests."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crawler.urls import BadURLError, canonicalize_url, check_site_url, host_of


@pytest.mark.parametrize(("raw", "expected"), [
    ("https://www.humaspolresmetro.com/2023/11/kapolres.html?m=1",
     "https://www.humaspolresmetro.com/2023/11/kapolres.html"),
    ("HTTPS://Tribratanews.Polri.Go.Id./blog/nasional-3/x-85924",
     "https://tribratanews.polri.go.id/blog/nasional-3/x-85924"),
    ("http://example.com:80/a?utm_source=fb&p=3561#comments", "http://example.com/a?p=3561"),
    ("https://example.com:8443/a/b/amp/", "https://example.com:8443/a/b/"),
    ("https://example.com/a%20b?x=1&fbclid=abc", "https://example.com/a%20b?x=1"),
    ("https://example.com", "https://example.com/"),
])
def test_canonicalize_url_examples(raw: str, expected: str) -> None:
    assert canonicalize_url(raw) == expected


_segment = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_.~%é ", min_size=1,
                   max_size=12)
_urls = st.builds(
    lambda scheme, host, port, segments, params, frag: (
        f"{scheme}://{host}{port}/{'/'.join(segments)}"
        + ("?" + "&".join(f"{k}={v}" for k, v in params) if params else "")
        + (f"#{frag}" if frag else "")),
    st.sampled_from(["http", "https", "HTTP"]),
    st.sampled_from(["example.com", "WWW.Polres.ID", "tribratanews.polri.go.id.", "127.0.0.1"]),
    st.sampled_from(["", ":80", ":443", ":8080"]),
    st.lists(_segment, max_size=4),
    st.lists(st.tuples(st.sampled_from(["p", "utm_source", "m", "page", "q"]),
                       st.text(alphabet="abc123", max_size=5)), max_size=3),
    st.sampled_from(["", "comments", "more"]),
)


@given(_urls)
def test_canonicalize_is_idempotent(url: str) -> None:
    once = canonicalize_url(url)
    assert canonicalize_url(once) == once


@given(_urls)
def test_canonical_url_has_no_tracking_fragment_or_trailing_dot(url: str) -> None:
    canonical = canonicalize_url(url)
    assert "#" not in canonical
    assert "utm_source=" not in canonical and "m=" not in canonical.split("?", 1)[-1][:2]
    assert not host_of(canonical).endswith(".")
    assert canonical.split("://")[0] in ("http", "https")


@pytest.mark.parametrize(("raw", "expected"), [
    ("humaspolresmetro.com", "https://humaspolresmetro.com"),
    ("https://www.humaspolresmetro.com/", "https://www.humaspolresmetro.com"),
    ("http://127.0.0.1:8751", "http://127.0.0.1:8751"),
    ("HTTPS://Polres.ID:443/", "https://polres.id"),
])
def test_check_site_url_accepts(raw: str, expected: str) -> None:
    assert check_site_url(raw) == expected


@pytest.mark.parametrize(("raw", "fragment"), [
    ("", "empty"),
    ("ftp://polres.id", "must start with http"),
    ("https://", "no valid host"),
    ("https://polres id.com", "no valid host"),
    ("https://localhostt", "has no domain"),
    ("https://polres.id:99999", "invalid port"),
])
def test_check_site_url_rejects_with_reason(raw: str, fragment: str) -> None:
    with pytest.raises(BadURLError, match=fragment):
        check_site_url(raw)


@given(st.text(max_size=40))
def test_check_site_url_only_raises_bad_url_error(raw: str) -> None:
    try:
        result = check_site_url(raw)
    except BadURLError:
        return
    assert result.startswith(("http://", "https://"))


@given(st.text(max_size=60))
def test_canonicalize_never_raises(raw: str) -> None:
    assert isinstance(canonicalize_url(raw), str)
