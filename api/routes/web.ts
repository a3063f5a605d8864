import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Request, Router } from 'express';
import { z } from 'zod';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../prisma/seed';
import type { AppDeps } from '../app';
import { ROLE_LABEL } from '../auth/session';
import type { RouteRegistry } from '../route';

/** Where `scripts/build-web.ts` puts the front end (Vite's output). */
export const WEB_DIST = path.resolve(__dirname, '..', '..', 'web', 'dist');

/** The file suffix of each encoding the build wrote. */
const ENCODED = { br: 'br', gzip: 'gz' } as const;

/** Paths the front end must never answer: the API, its docs and the probes stay theirs. */
const RESERVED = /^\/(api|docs|healthz|readyz)(\/|$)/;

const ZAppInfo = z
  .object({
    authorityName: z.string(),
    districtName: z.string(),
    districtCode: z.string(),
    demo: z
      .object({
        password: z.string(),
        accounts: z.array(
          z.object({ username: z.string(), displayName: z.string(), roleLabel: z.string() }),
        ),
      })
      .nullable(),
  })
  .meta({ id: 'AppInfo' });

/** A page load: a browser asking for HTML at a path without a file extension. */
function wantsPage(req: Request): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (RESERVED.test(req.path) || path.extname(req.path) !== '') return false;
  return req.accepts(['html', 'json']) === 'html';
}

/**
 * The web front end on the API's own port: its built files, an SPA fallback for page loads,
 * and the little the sign-in page needs to know (the demo accounts only in embedded mode).
 */
export function createWebRouter(registry: RouteRegistry, deps: AppDeps): Router {
  const router = Router();
  const { config } = deps;

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/app-info',
      tag: '登录',
      summary: '机关名称和行政区划；内嵌演示模式下另列演示账号（内部地址不在此公开）',
      access: 'public',
      response: { status: 200, description: '站点信息', schema: ZAppInfo },
    },
    async () => ({
      authorityName: config.AUTHORITY_NAME,
      districtName: config.DISTRICT_NAME,
      districtCode: config.DISTRICT_CODE,
      demo: config.DEMO_ACCOUNTS
        ? {
            password: DEMO_PASSWORD,
            accounts: DEMO_ACCOUNTS.map((a) => ({
              username: a.username,
              displayName: a.displayName,
              roleLabel: ROLE_LABEL[a.role],
            })),
          }
        : null,
    }),
  );

  // Scripts and styles go out brotli- or gzip-compressed when the browser takes it: the build
  // wrote .br and .gz beside each file (web/vite.config.mts).
  router.use('/assets', (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const name = path.basename(req.path);
    const file = path.join(WEB_DIST, 'assets', name);
    if (name !== req.path.slice(1) || !existsSync(file)) return next();
    const encoding = req.acceptsEncodings('br', 'gzip') as keyof typeof ENCODED | false;
    if (!encoding || !existsSync(`${file}.${ENCODED[encoding]}`)) return next();
    res.vary('Accept-Encoding');
    res.set('Content-Encoding', encoding);
    res.type(path.extname(name));
    res.sendFile(`${file}.${ENCODED[encoding]}`, {
      immutable: true,
      maxAge: '365d',
      headers: { 'Content-Encoding': encoding },
    });
  });
  // Hashed file names never change: cache them for a year; index.html is always revalidated.
  router.use(
    '/assets',
    express.static(path.join(WEB_DIST, 'assets'), {
      index: false,
      immutable: true,
      maxAge: '365d',
      fallthrough: true,
    }),
  );
  router.get('/favicon.svg', (_req, res, next) => {
    const file = path.join(WEB_DIST, 'favicon.svg');
    if (!existsSync(file)) return next();
    res.sendFile(file, { maxAge: '1d' });
  });
  router.use((req, res, next) => {
    if (!wantsPage(req)) return next();
    const index = path.join(WEB_DIST, 'index.html');
    if (!existsSync(index)) {
      res
        .status(503)
        .set('Retry-After', '30')
        .type('text/plain; charset=utf-8')
        .send('网页前端尚未构建：请运行 npx tsx scripts/build-web.ts（npm start 会自动构建）。');
      return;
    }
    res.set('Cache-Control', 'no-cache').sendFile(index);
  });
  return router;
}
