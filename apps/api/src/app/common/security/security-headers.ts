import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '../../config/app-config';
import { appPolicy, widgetPolicy, type CspDirectives } from './content-security-policy';

/** The customer widget's page, which other sites show in an iframe (only it: the rest of the app is never framed). */
const widgetPath = /^\/widget\/?$/;
/** The embed script (apps/crm/public/widget.js), which other sites load with a <script> tag. */
const embedScriptPath = /^\/widget\.js$/;

/**
 * Helmet's headers on every response (mounted before the app, Swagger and Nest's routes, so errors
 * and 404s carry them too), with the widget's framing rules on the widget's page.
 * `Referrer-Policy: no-referrer` because attachment links carry their signature in the query string.
 * HSTS only on a request that came over TLS, directly or through a proxy `TRUST_PROXY` trusts
 * (`req.secure`): it pins https on the host for a year, which only a deployment serving https may ask.
 */
export function useSecurityHeaders(app: NestExpressApplication, config: AppConfig): void {
  const headers = (directives: CspDirectives, framed: boolean, crossOrigin = false) =>
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives },
      // frame-ancestors decides for browsers that read CSP; X-Frame-Options for those that do not.
      xFrameOptions: framed ? false : { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      strictTransportSecurity: false,
      // Everything stays same-origin, except the embed script that other sites' pages load.
      crossOriginResourcePolicy: { policy: crossOrigin ? 'cross-origin' : 'same-origin' },
    });
  const forApp = headers(appPolicy, false);
  const forWidget = headers(widgetPolicy(config.env.WIDGET_FRAME_ANCESTORS), true);
  const forEmbedScript = headers(appPolicy, false, true);
  const strictTransport = helmet.strictTransportSecurity();

  app.use((req: Request, res: Response, next: NextFunction) => {
    const pageHeaders = widgetPath.test(req.path)
      ? forWidget
      : embedScriptPath.test(req.path)
        ? forEmbedScript
        : forApp;
    pageHeaders(req, res, (err?: unknown) => (err || !req.secure ? next(err) : strictTransport(req, res, next)));
  });
}
