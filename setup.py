"""Only for tools that still call setup.py (scrapyd-deploy builds its egg with it).

Everything is declared in pyproject.toml; this just lets setuptools read it.
"""

from setuptools import setup

setup()
