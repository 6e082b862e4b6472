/*
 * Switchboard's web chat on any site, with one tag:
 *   <script src="https://chat.example.com/widget.js" async></script>
 * It adds a launcher bubble (bottom right) that opens and closes the chat, which runs in an
 * iframe from the same origin as this script (/widget, framed only by the sites listed in
 * WIDGET_FRAME_ANCESTORS). The iframe tells this page when a message arrives (no content); the
 * badge counts the ones that arrived while the chat was closed. The customer's session stays in
 * the iframe's own storage, so the same browser finds its chat again on the next visit; a browser
 * that refuses a framed page its storage gets it kept here instead (see SESSION_KEY).
 * Optional attributes on the tag: data-label (the launcher's accessible name, default "Chat").
 */
(function () {
  'use strict';
  const script = document.currentScript;
  if (!script || !script.src || window.__switchboardWidget) return;
  window.__switchboardWidget = true;

  const widgetOrigin = new URL(script.src).origin;
  const label = script.getAttribute('data-label') || 'Chat';
  let open = false;
  let unread = 0;

  function styled(element, styles) {
    // CSSOM assignments: allowed by a host page whose CSP forbids inline style attributes.
    for (const name in styles) element.style[name] = styles[name];
    return element;
  }

  const frame = styled(document.createElement('iframe'), {
    position: 'fixed',
    right: '1rem',
    bottom: '5.5rem',
    width: '22rem',
    maxWidth: 'calc(100vw - 2rem)',
    height: '34rem',
    maxHeight: 'calc(100vh - 7rem)',
    border: '0',
    borderRadius: '0.75rem',
    boxShadow: '0 0.5rem 2rem rgba(0, 0, 0, 0.25)',
    background: '#fff',
    display: 'none',
    zIndex: '2147483646',
  });
  frame.title = label;
  frame.id = 'switchboard-widget-frame';
  // The page this iframe may talk to: the chat posts its news to this origin only.
  frame.src = widgetOrigin + '/widget?embed=' + encodeURIComponent(window.location.origin);

  const launcher = styled(document.createElement('button'), {
    position: 'fixed',
    right: '1rem',
    bottom: '1rem',
    width: '3.5rem',
    height: '3.5rem',
    borderRadius: '50%',
    border: '0',
    background: '#3056d3',
    color: '#fff',
    fontSize: '1.5rem',
    cursor: 'pointer',
    boxShadow: '0 0.25rem 1rem rgba(0, 0, 0, 0.3)',
    zIndex: '2147483647',
  });
  launcher.type = 'button';
  launcher.id = 'switchboard-widget-launcher';
  launcher.setAttribute('aria-controls', frame.id);
  launcher.setAttribute('aria-label', label);
  launcher.textContent = '\u{1F4AC}';

  const badge = styled(document.createElement('span'), {
    position: 'absolute',
    top: '-0.25rem',
    right: '-0.25rem',
    minWidth: '1.25rem',
    height: '1.25rem',
    padding: '0 0.3rem',
    borderRadius: '0.625rem',
    background: '#d93025',
    color: '#fff',
    font: 'bold 0.75rem/1.25rem sans-serif',
    display: 'none',
  });
  badge.id = 'switchboard-widget-badge';
  launcher.appendChild(badge);

  function render() {
    frame.style.display = open ? 'block' : 'none';
    launcher.setAttribute('aria-expanded', String(open));
    badge.textContent = unread > 99 ? '99+' : String(unread);
    badge.style.display = unread > 0 ? 'inline-block' : 'none';
  }

  launcher.addEventListener('click', function () {
    open = !open;
    if (open) unread = 0;
    render();
  });

  // Only where the browser refuses the chat its own storage (third-party storage blocked) does
  // this page keep the customer's session for it, under its own origin, and hand it back.
  const SESSION_KEY = 'switchboard.widget.session';
  function keptSession() {
    try {
      return JSON.parse(localStorage.getItem(SESSION_KEY) || 'null');
    } catch {
      return null;
    }
  }
  function keepSession(session) {
    try {
      if (session) localStorage.setItem(SESSION_KEY, JSON.stringify(session));
      else localStorage.removeItem(SESSION_KEY);
    } catch {
      // No storage here either: the chat lasts for this page.
    }
  }

  window.addEventListener('message', function (event) {
    // Only the chat's own frame, from the chat's origin, is listened to.
    if (event.origin !== widgetOrigin || event.source !== frame.contentWindow) return;
    const data = event.data || {};
    if (data.type === 'switchboard:message' && !open) {
      unread += 1;
      render();
    } else if (data.type === 'switchboard:ready') {
      frame.contentWindow.postMessage({ type: 'switchboard:session', session: keptSession() }, widgetOrigin);
    } else if (data.type === 'switchboard:save') {
      keepSession(data.session);
    }
  });

  function mount() {
    document.body.appendChild(frame);
    document.body.appendChild(launcher);
    render();
  }
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();
