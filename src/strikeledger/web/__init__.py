"""The web dashboard: server-rendered pages (Jinja2, autoescaped) and our own small JS/CSS."""
