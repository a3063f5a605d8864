import type { Router } from 'express';
import type { AppDeps } from '../app';
import type { RouteRegistry } from '../route';
import { createEvaluationCampaignsRouter } from './evaluation-campaigns';
import { createEvaluationComplaintsRouter } from './evaluation-complaints';
import { createEvaluationFilesRouter } from './evaluation-files';
import { createEvaluationGradesRouter } from './evaluation-grades';
import { createEvaluationOfficeTasksRouter } from './evaluation-office-tasks';
import { createEvaluationPoolRouter } from './evaluation-pool';
import { createEvaluationPublicRouter } from './evaluation-public';

/** Every evaluation router: campaigns, files, complaints, grades, the expert pool, the office's tasks. */
export function createEvaluationRouters(registry: RouteRegistry, deps: AppDeps): Router[] {
  return [
    createEvaluationCampaignsRouter(registry, deps),
    createEvaluationFilesRouter(registry, deps),
    createEvaluationComplaintsRouter(registry, deps),
    createEvaluationGradesRouter(registry, deps),
    createEvaluationPoolRouter(registry, deps),
    createEvaluationOfficeTasksRouter(registry, deps),
    createEvaluationPublicRouter(registry, deps),
  ];
}
