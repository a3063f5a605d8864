import express, { Router } from 'express';
import { getAbsoluteFSPath } from 'swagger-ui-dist';

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>minzheng-flow API 文档</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
<div id="ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</body>
</html>`;

// Separate file: the page works under a Content-Security-Policy without inline scripts.
const INIT = `window.ui = SwaggerUIBundle({
  url: '/api/openapi.json', dom_id: '#ui', deepLinking: true, persistAuthorization: true,
  tryItOutEnabled: true, displayRequestDuration: true
});`;

/** The OpenAPI document and a Swagger UI page, served from the local package (no CDN). */
export function createDocsRouter(openapi: object): Router {
  const router = Router();
  router.get('/api/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  router.get(['/docs', '/docs/'], (_req, res) => {
    res.type('html').send(PAGE);
  });
  router.get('/docs/init.js', (_req, res) => {
    res.type('application/javascript').send(INIT);
  });
  router.use('/docs/assets', express.static(getAbsoluteFSPath(), { index: false, maxAge: '1d' }));
  return router;
}
