"""Script-injection payloads written by us: tags, attributes, javascript: URLs, encodings,
broken markup and template syntax. Each one, if it ever ran, would set ``window.__xss`` or open
a dialog; the XSS test asserts neither happens on any page and no page holds them live."""

from __future__ import annotations

ACTIONS = ["window.__xss=1", "alert(1)"]

TEMPLATES = [
    "<script>{a}</script>",
    "<SCRIPT>{a}</SCRIPT>",
    "<script src=data:text/javascript,{a}></script>",
    "<img src=x onerror={a}>",
    '<img src="x" onerror="{a}">',
    "<svg onload={a}>",
    "<svg><script>{a}</script></svg>",
    "<body onload={a}>",
    "<iframe src=javascript:{a}></iframe>",
    '<iframe srcdoc="<script>{a}</script>"></iframe>',
    "<a href=javascript:{a}>click</a>",
    '<a href="JaVaScRiPt:{a}">click</a>',
    '<a href=" javascript:{a}">click</a>',
    "<details open ontoggle={a}>",
    "<input autofocus onfocus={a}>",
    "<video><source onerror={a}></video>",
    "<object data=javascript:{a}></object>",
    "<embed src=javascript:{a}>",
    '<meta http-equiv="refresh" content="0;url=javascript:{a}">',
    "<base href=javascript:{a}//>",
    "<math><mtext></table><img src=x onerror={a}></mtext></math>",
    '"><script>{a}</script>',
    "'><img src=x onerror={a}>",
    "</textarea><script>{a}</script>",
    "</title><script>{a}</script>",
    "</mark><script>{a}</script><mark>",
    "<scr<script>ipt>{a}</scr</script>ipt>",
    "&lt;script&gt;{a}&lt;/script&gt;",
    "&#60;script&#62;{a}&#60;/script&#62;",
    "%3Cscript%3E{a}%3C/script%3E",
    "\\u003cscript\\u003e{a}\\u003c/script\\u003e",
    "<style>@import 'javascript:{a}';</style>",
    '<div style="background:url(javascript:{a})">x</div>',
    "<form action=javascript:{a}><button>go</button></form>",
    "javascript:{a}",
    "data:text/html,<script>{a}</script>",
    "{{{{constructor.constructor('{a}')()}}}}",
    "${{{a}}}",
    "<!--<script>{a}//-->",
    '<noscript><p title="</noscript><img src=x onerror={a}>">',
]


def payloads() -> list[str]:
    out = []
    for t in TEMPLATES:
        for a in ACTIONS:
            out.append(t.format(a=a))
    # In quoted contexts as well: inside double and single quotes, after a closing tag.
    contexts = ['"{p}"', "'{p}'", "</b>{p}"]
    for t in TEMPLATES[:40]:
        for c in contexts:
            out.append(c.format(p=t.format(a=ACTIONS[0])))
    return out
