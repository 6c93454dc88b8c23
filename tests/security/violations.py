"""Hearing Content-Security-Policy violations in Chromium, for the browser tests.

Chromium reports every blocked script, style, image, frame or connection as a
console error ("Refused to ...", "violates the following Content Security
Policy directive") and fires a `securitypolicyviolation` event; both are
collected, so a violation is heard even where the console is quiet.
"""

#: Collects the page's CSP violation events, from the first script on.
LISTEN = """window.__violations = [];
document.addEventListener('securitypolicyviolation', event =>
    window.__violations.push(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} on ${location.pathname}`));"""


def watch(page):
    """The list that every CSP violation the page reports will be appended to."""
    seen = []
    page.add_init_script(LISTEN)
    page.on(
        "console",
        lambda message: (
            seen.append(message.text)
            if "Content Security Policy" in message.text or message.text.startswith("Refused to")
            else None
        ),
    )
    return seen


def settle(page, seen):
    """Wait for the page to finish loading, then add the violation events it recorded."""
    page.wait_for_load_state("networkidle")
    seen.extend(page.evaluate("window.__violations || []"))
