/** CSP directives by name, each with its source list. */
export type CspDirectives = Readonly<Record<string, readonly string[]>>;

/**
 * The app's pages and the API's answers, Swagger UI at /api/docs included (its scripts are files,
 * its inline <style> blocks need what Angular's do). Everything the app runs ships with its build
 * and is served from this origin, so an injected `<script>`, inline handler or `javascript:` URL
 * runs nothing.
 */
export const appPolicy: CspDirectives = {
  'default-src': ["'self'"],
  // No 'unsafe-inline' and no 'unsafe-eval': Angular's production build needs neither, as long as
  // critical CSS inlining stays off (apps/crm/project.json): its stylesheet loader is an onload attribute.
  'script-src': ["'self'"],
  // Angular adds each component's styles as <style> elements while it renders (ngCspNonce could
  // replace this, at the price of rewriting index.html with a fresh nonce per request).
  'style-src': ["'self'", "'unsafe-inline'"],
  // Attachments come from this origin under signed URLs; data: for icons inlined in stylesheets
  // (Swagger UI's), blob: for pictures a page makes itself.
  'img-src': ["'self'", 'data:', 'blob:'],
  'media-src': ["'self'", 'blob:'],
  // REST and Socket.IO, whose WebSocket to the same host 'self' covers (ws: and wss:).
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  // An injected <base> would move every relative URL (the bundles' too) to another site.
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  // Staff pages act with a staff session: no other site may frame them to steer clicks.
  'frame-ancestors': ["'none'"],
};

/** The web widget: the app's policy, framed by the sites `WIDGET_FRAME_ANCESTORS` names. */
export function widgetPolicy(frameAncestors: readonly string[]): CspDirectives {
  return { ...appPolicy, 'frame-ancestors': frameAncestors };
}
