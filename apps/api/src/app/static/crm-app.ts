import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Paths that belong to the API and Socket.IO: never answered with the app's index.html. */
const serverPaths = /^\/(api|socket\.io)(\/|$)/;

/**
 * Serves the built Angular app at `/` and its index.html for deep links (`/inbox/42`). Mounted
 * before Nest's routes, so it must step aside for `/api`, where errors stay JSON.
 */
export function mountCrmApp(app: NestExpressApplication, distDir: string): void {
  const root = resolve(distDir);
  const index = join(root, 'index.html');
  if (!existsSync(index)) {
    new Logger('CrmApp').warn(`No built app in ${root}: run "npx nx build crm" to serve the UI at /`);
    return;
  }
  const assets = express.static(root, { index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (serverPaths.test(req.path)) return next();
    assets(req, res, () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      // index.html must not be cached: it names the hashed bundles of the current build.
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  });
}
