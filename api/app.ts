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
import { authenticate } from './auth/authenticate';
import { errorHandler, notFoundHandler } from './errors';
import { buildOpenApi } from './openapi';
import { requestLog } from './request-log';
import { RouteRegistry } from './route';
import { createAdminRouter } from './routes/admin';
import { createAnnouncementsRouter } from './routes/announcements';
import { createAuthRouter } from './routes/auth';
import { createCompetitionProposalsRouter } from './routes/competition-proposals';
import { createCompetitionRoundsRouter } from './routes/competition-rounds';
import { createDashboardRouter } from './routes/dashboard';
import { createDocsRouter } from './routes/docs';
import { createEligibilityRouter } from './routes/eligibility';
import { createEvaluationRouters } from './routes/evaluation';
import { createFilesRouter } from './routes/files';
import { createHealthRouter } from './routes/health';
import { createNameCheckRouter } from './routes/name-check';
import { createOrganizationsRouter } from './routes/organizations';
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

/** The whole HTTP API; never listens (main/start-api.ts does), so tests mount it on real deps. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
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
  app.use(express.json({ limit: deps.config.JSON_BODY_LIMIT }));
  app.use(authenticate(deps.sessionSecret));

  const registry = new RouteRegistry();
  const routers = [
    createHealthRouter(registry, deps),
    createAuthRouter(registry, deps),
    createRuleSetsRouter(registry, deps),
    createFilesRouter(registry, deps),
    createNameCheckRouter(registry, deps),
    createRegistrationsRouter(registry, deps),
    createRegistrationActionsRouter(registry, deps),
    createWorklistRouter(registry, deps),
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
    // Last: its page fallback must not shadow any API route.
    createWebRouter(registry, deps),
  ];
  for (const r of routers) app.use(r);
  const openapi = buildOpenApi(registry.routes, deps.config);
  app.use(createDocsRouter(openapi));

  app.use(notFoundHandler);
  app.use(errorHandler(deps.logger));
  return app;
}
