import type { Router } from 'express';
import type { AppDeps } from '../app';
import type { RouteRegistry } from '../route';
import { createEvaluationCampaignsRouter } from './evaluation-campaigns';
import { createEvaluationFilesRouter } from './evaluation-files';
import { createEvaluationGradesRouter } from './evaluation-grades';
import { createEvaluationPoolRouter } from './evaluation-pool';

/** Every evaluation router, when the app has an evaluation client. */
export function createEvaluationRouters(registry: RouteRegistry, deps: AppDeps): Router[] {
  const { evaluation } = deps;
  if (!evaluation) return [];
  const d = { ...deps, evaluation };
  return [
    createEvaluationCampaignsRouter(registry, d),
    createEvaluationFilesRouter(registry, d),
    createEvaluationGradesRouter(registry, d),
    createEvaluationPoolRouter(registry, d),
  ];
}
