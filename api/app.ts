import express, { type Express } from 'express';
import helmet from 'helmet';
import type { CompetitionClient } from '../client/competition-client';
import type { EvaluationClient } from '../client/evaluation-client';
import type { PurchaseClient } from '../client/purchase-client';
import type { RegistrationClient } from '../client/registration-client';
import type { TemporalHealth } from '../client/temporal-health';
import { installPlainIssues } from '../domain/plain-issues';
import type { Config } from '../lib/config';
import type { Db } from '../lib/db';
import type { Logger } from '../lib/logger';
import { type AuthedRequest, authenticate } from './auth/authenticate';
import { sameOriginOnly } from './auth/same-origin';
import { createSecurity, type Security } from './auth/security';
import { errorHandler, notFoundHandler } from './errors';
import { buildOpenApi } from './openapi';
import { routeLimiter } from './rate-limits';
import { requestLog } from './request-log';
import { RouteRegistry } from './route';
import { createAccountsRouter } from './routes/accounts';
import { createAdminRouter } from './routes/admin';
import { createAnnouncementsRouter } from './routes/announcements';
import { createAuditLogRouter } from './routes/audit-log';
import { createAuthRouter } from './routes/auth';
import { createAuthMfaRouter } from './routes/auth-mfa';
import { createCompetitionProposalsRouter } from './routes/competition-proposals';
import { createCompetitionRoundsRouter } from './routes/competition-rounds';
import { createDashboardRouter } from './routes/dashboard';
import { createDocsRouter } from './routes/docs';
import { createEligibilityRouter } from './routes/eligibility';
import { createEvaluationRouters } from './routes/evaluation';
import { createFilesRouter } from './routes/files';
import { createHealthRouter } from './routes/health';
import { createInboxRouter } from './routes/inbox';
import { createNameCheckRouter } from './routes/name-check';
import { createOrganizationsRouter } from './routes/organizations';
import { createPublicRouter } from './routes/public';
import { createPurchaseActionsRouter } from './routes/purchase-actions';
import { createPurchaseCatalogueRouter } from './routes/purchase-catalogue';
import { createPurchaseExpertsRouter } from './routes/purchase-experts';
import { createPurchaseFiguresRouter } from './routes/purchase-figures';
import { createPurchaseProjectsRouter } from './routes/purchase-projects';
import { createRegistrationActionsRouter } from './routes/registration-actions';
import { createRegistrationsRouter } from './routes/registrations';
import { createRuleSetsRouter } from './routes/rule-sets';
import { createWebRouter } from './routes/web';
import { createWorklistRouter } from './routes/worklist';

// Users read every validation message: zod speaks plain zh-CN here (domain/plain-issues.ts).
installPlainIssues();

export interface AppDeps {
  db: Db;
  registrations: RegistrationClient;
  purchases: PurchaseClient;
  competitions: CompetitionClient;
  evaluation: EvaluationClient;
  config: Config;
  logger: Logger;
  sessionSecret: string;
  /** Checks Temporal and the task queue's workers for /readyz. */
  temporalHealth: () => Promise<TemporalHealth>;
}

const ADMINISTRATORS = new Set(['administrator', 'security_admin']);
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every change an administrator makes goes to the security log once it succeeded (等保 2.0:
 * 管理员操作审计), unless its route logged it in more detail (`res.locals.logged`).
 */
function logAdministratorsChanges(security: Security): express.RequestHandler {
  return (req: AuthedRequest, res, next) => {
    const who = req.session;
    if (!who || !ADMINISTRATORS.has(who.role) || !UNSAFE.has(req.method)) return next();
    res.on('finish', () => {
      if (res.statusCode >= 400 || res.locals.logged) return;
      void security.log(req, {
        kind: 'admin_change',
        outcome: 'success',
        accountId: who.sub,
        username: null,
        role: who.role,
        details: { status: res.statusCode },
      });
    });
    next();
  };
}

/** What the routers get: the dependencies and the app's security services. */
export type AppContext = AppDeps & { security: Security };

/** The whole HTTP API; never listens (main/start-api.ts does), so tests mount it on real deps. */
export function createApp(input: AppDeps): Express {
  const deps: AppContext = { ...input, security: createSecurity(input) };
  const app = express();
  app.disable('x-powered-by');
  // Whose address req.ip is: the socket's, unless a configured proxy in front tells it.
  app.set('trust proxy', input.config.trustProxy);
  app.set('query parser', 'simple');
  app.use(
    helmet({
      contentSecurityPolicy: {
        // Swagger UI styles itself inline; scripts stay same-origin.
        directives: { 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(requestLog(deps.logger));
  // Answers of the API name people and their files: never kept by a browser or proxy cache.
  app.use(['/api', '/healthz', '/readyz'], (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  app.use(authenticate(deps.sessionSecret, deps.security));
  app.use(sameOriginOnly(deps.config.publicUrl));
  app.use(logAdministratorsChanges(deps.security));
  app.use(express.json({ limit: deps.config.JSON_BODY_LIMIT }));

  const registry = new RouteRegistry(
    routeLimiter(deps.db, deps.security, deps.config.DISTRICT_CODE),
    deps.config.LIST_PAGE_SIZE_MAX,
  );
  const routers = [
    createHealthRouter(registry, deps),
    createAuthRouter(registry, deps),
    createAuthMfaRouter(registry, deps),
    createAccountsRouter(registry, deps),
    createAuditLogRouter(registry, deps),
    createRuleSetsRouter(registry, deps),
    createFilesRouter(registry, deps),
    createNameCheckRouter(registry, deps),
    createRegistrationsRouter(registry, deps),
    createRegistrationActionsRouter(registry, deps),
    createWorklistRouter(registry, deps),
    createInboxRouter(registry, deps),
    createAnnouncementsRouter(registry, deps),
    createAdminRouter(registry, deps),
    createOrganizationsRouter(registry, deps),
    createDashboardRouter(registry, deps),
    createPurchaseCatalogueRouter(registry, deps),
    createPurchaseProjectsRouter(registry, deps),
    createPurchaseActionsRouter(registry, deps),
    createPurchaseFiguresRouter(registry, deps),
    createPurchaseExpertsRouter(registry, deps),
    createEligibilityRouter(registry, deps),
    createCompetitionRoundsRouter(registry, deps),
    createCompetitionProposalsRouter(registry, deps),
    ...createEvaluationRouters(registry, deps),
    createPublicRouter(registry, deps),
    // Last: its page fallback must not shadow any API route.
    createWebRouter(registry, deps),
  ];
  for (const r of routers) app.use(r);
  const openapi = buildOpenApi(registry.routes, deps.config);
  // Read by the tests' response contract check (test/support/response-contract.ts).
  app.locals.openapi = openapi;
  app.use(createDocsRouter(openapi));

  app.use(notFoundHandler);
  app.use(errorHandler(deps.logger, deps.security));
  return app;
}
