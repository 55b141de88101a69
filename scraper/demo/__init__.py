"""A sample Liferay 6.2 district portal, served on loopback for demos, tests and benchmarks.

Its pages were written for the project (texts.py) and reproduce the markup of the portals that
Hanoi's districts and wards ran before July 2025; no text comes from a real site.

    from scraper.demo.portal import SamplePortal
    from scraper.demo.server import serve_portal

    with serve_portal(SamplePortal()) as base_url:
        ...
"""
