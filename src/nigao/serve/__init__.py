"""`nigao serve`: a local web page for drafters who do not use a terminal.

    app.py     the Starlette application: routes, the local-only guard, uploads, batch jobs
    form.py    the profile form, generated from `profile.FIELDS`; form data ↔ profile YAML
    pages.py   a DraftResult as 公文 pages in HTML (版头, title, numbered headings, 署名, 版记)
    static/    the page itself: hand-written HTML, CSS and JavaScript, no build step, no CDN

Route handlers only translate HTTP to library calls (`nigao.drafting.draft`, `nigao.batch`,
`nigao.ingest.make_skeletons`); no drafting logic lives here. Installed with `pip install nigao[serve]`.
"""
