"""``python -m crawler`` is the ``police-news`` command."""

from crawler.cli import main

if __name__ == "__main__":
    main(prog_name="police-news")
