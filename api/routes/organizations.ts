import { Router } from 'express';
import * as O from '../../contract/organization';
import { localDateOf } from '../../domain/calendar';
import { gradeInForce } from '../../domain/organization/profile';
import type { AppDeps } from '../app';
import { type RouteRegistry, uuidParam } from '../route';
import { ZListOrganizationsQuery } from '../schemas/organization';
import { literal } from '../search-text';
import { mustExist, profileFor, READERS, STAFF } from './organization-access';
import { registerOrganizationImport } from './organization-import';
import {
  registerOrganizationFacts,
  registerOrganizationFlags,
  registerOrganizationInspections,
  registerOrganizationPenalties,
} from './organization-records';

export function createOrganizationsRouter(registry: RouteRegistry, deps: AppDeps): Router {
  const router = Router();
  registerOrganizationList(registry, router, deps);
  registerOrganizationProfile(registry, router, deps);
  registerOrganizationAudit(registry, router, deps);
  registerOrganizationImport(registry, router, deps);
  registerOrganizationInspections(registry, router, deps);
  registerOrganizationPenalties(registry, router, deps);
  registerOrganizationFlags(registry, router, deps);
  registerOrganizationFacts(registry, router, deps);
  return router;
}

/** The register of organisations, searched by name or credit code. */
export function registerOrganizationList(
  registry: RouteRegistry,
  router: Router,
  deps: AppDeps,
): void {
  const { db } = deps;

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/organizations',
      tag: '组织档案',
      summary: '组织档案列表',
      access: STAFF as never[],
      query: ZListOrganizationsQuery,
      response: { status: 200, description: '组织', schema: O.ZOrganizationPage },
    },
    async ({ query }) => {
      const where = {
        ...(query.q
          ? {
              OR: [
                { name: { contains: literal(query.q) } },
                { creditCode: { startsWith: literal(query.q.toUpperCase()) } },
              ],
            }
          : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(query.legalForm ? { legalForm: query.legalForm } : {}),
        ...(query.category ? { category: query.category } : {}),
        ...(query.graded === undefined
          ? {}
          : {
              grades: query.graded
                ? { some: { status: 'active' as const } }
                : { none: { status: 'active' as const } },
            }),
      };
      const [total, rows] = await Promise.all([
        db.organization.count({ where }),
        db.organization.findMany({
          where,
          orderBy: [{ name: 'asc' }],
          skip: (query.page - 1) * query.pageSize,
          take: query.pageSize,
          include: { grades: { where: { status: 'active' } } },
        }),
      ]);
      return {
        total,
        page: query.page,
        pageSize: query.pageSize,
        items: rows.map((o) => ({
          id: o.id,
          name: o.name,
          creditCode: o.creditCode,
          status: o.status,
          legalForm: o.legalForm,
          category: o.category,
          registeredOn: o.registeredAt ? localDateOf(o.registeredAt.getTime()) : null,
          activeGrade: o.grades[0]
            ? {
                level: o.grades[0].level,
                expiresOn: o.grades[0].expiresOn.toISOString().slice(0, 10),
              }
            : null,
        })),
      };
    },
  );
}

/** One organisation's profile and its grade history. */
export function registerOrganizationProfile(
  registry: RouteRegistry,
  router: Router,
  deps: AppDeps,
): void {
  registry.add(
    router,
    {
      method: 'get',
      path: '/api/organizations/:id',
      tag: '组织档案',
      summary: '组织档案：年检、处罚、名录标记与等级',
      access: READERS,
      params: uuidParam,
      response: { status: 200, description: '组织档案', schema: O.ZOrganizationDetail },
      problems: ['not_found'],
    },
    async ({ params, session }) => {
      const profile = await profileFor(deps, params.id, session!);
      return { ...profile, gradeInForce: gradeInForce(profile, localDateOf(Date.now())) };
    },
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/organizations/:id/grades',
      tag: '组织档案',
      summary: '等级评估历史',
      access: READERS,
      params: uuidParam,
      response: {
        status: 200,
        description: '等级记录（按授予日期）',
        schema: O.ZOrganizationGrades,
      },
      problems: ['not_found'],
    },
    async ({ params, session }) => ({
      items: (await profileFor(deps, params.id, session!)).grades,
    }),
  );
}

/** The audit trail of one organisation's profile. */
export function registerOrganizationAudit(
  registry: RouteRegistry,
  router: Router,
  deps: AppDeps,
): void {
  const { db } = deps;

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/organizations/:id/audit',
      tag: '组织档案',
      summary: '档案变更记录',
      access: STAFF as never[],
      params: uuidParam,
      response: { status: 200, description: '记录', schema: O.ZOrganizationAudit },
      problems: ['not_found'],
    },
    async ({ params }) => {
      await mustExist(deps, params.id);
      const rows = await db.auditEntry.findMany({
        where: { subjectType: 'organization', subjectId: params.id },
        orderBy: { seq: 'asc' },
      });
      // The chain position is a bigint; JSON carries it as a number.
      return { items: rows.map((r) => ({ ...r, chainSeq: Number(r.chainSeq) })) };
    },
  );
}
