import { Router } from 'express';
import { z } from 'zod';
import { ZPolicyForm, ZPolicyForms, ZRuleSet, ZRuleSets } from '../../contract/admin';
import { POLICY_FORMS, settingMeta } from '../../domain/policy-labels';
import { diffLayer, jurisdictionChain, mergeLayers } from '../../lib/rules/jurisdictions';
import { loadLayersAbove, loadRuleLayers, RuleSetError } from '../../lib/rules/load-rule-layers';
import {
  POLICY_PROCESSES,
  POLICY_SCHEMAS,
  type PolicyProcess,
} from '../../lib/rules/policy-schemas';
import { createRuleSet } from '../../operations/admin/create-rule-set';
import type { AppContext } from '../app';
import type { Role } from '../auth/session';
import { operate, operatorOf } from '../operations';
import { AppError, hiddenFrom, type ProblemIssue } from '../problem';
import { issueSummary, type RouteRegistry } from '../route';

const ORDER = Object.keys(POLICY_FORMS);

/**
 * Who sets a process's rules (三权分立): the security policy only the security administrator,
 * every other process only the system administrator.
 */
const ownerOf = (process: PolicyProcess): Role =>
  process === 'security' ? 'security_admin' : 'administrator';
const OWNERS = ['administrator', 'security_admin'] as const;

/** Setting names the policy does not know (typos would otherwise be dropped silently). */
function unknownKeys(input: unknown, parsed: unknown, path: string[] = []): string[] {
  if (
    !input ||
    typeof input !== 'object' ||
    Array.isArray(input) ||
    !parsed ||
    typeof parsed !== 'object'
  )
    return [];
  return Object.entries(input).flatMap(([k, v]) =>
    k in (parsed as object)
      ? unknownKeys(v, (parsed as Record<string, unknown>)[k], [...path, k])
      : [[...path, k].join('.')],
  );
}

const ZRuleSetRequest = z
  .object({
    process: z.enum(POLICY_PROCESSES).meta({ title: '业务' }),
    version: z.string().trim().min(1).max(60).meta({ title: '版本名称' }),
    jurisdiction: z
      .string()
      .regex(/^\d{6}$/, '请选择规则层级')
      .meta({ title: '规则层级' }),
    effectiveFrom: z.iso
      .date()
      .refine((d) => d >= '1949-10-01' && d <= '2999-12-31', {
        error: (i) => `「${String(i.input)}」不在可选的日期范围内`,
      })
      .meta({ title: '生效日期' }),
    /** Only what differs from the layers above (for API users). */
    settings: z.record(z.string(), z.unknown()).optional().meta({ title: '与上级不同的设置' }),
    /** Every setting as the form shows it; the API stores only what differs from the layers above. */
    policy: z.record(z.string(), z.unknown()).optional().meta({ title: '规则设置' }),
    note: z.string().max(2000).optional().meta({ title: '说明' }),
  })
  .refine((b) => (b.settings === undefined) !== (b.policy === undefined), {
    message: '请填写规则设置',
    path: ['policy'],
  });

/** The nearest named setting at or above `path` ('limits.intakeNotice.amount' → 一次性告知期限). */
function settingLabel(process: string, path: string[]): string | undefined {
  for (let n = path.length; n > 0; n--) {
    const meta = settingMeta(process, path.slice(0, n).join('.'));
    if (meta) return meta.label;
  }
  return undefined;
}

function refuse(process: string, where: string, error: z.ZodError): never {
  const list: ProblemIssue[] = error.issues.map((i) => {
    const path = i.path.map(String);
    const label = settingLabel(process, path);
    return {
      path: ['body', where, ...path].join('.'),
      message: i.message,
      ...(label ? { label } : {}),
    };
  });
  throw new AppError(
    'unprocessable',
    `规则设置有${list.length}处需要修改：${issueSummary(list)}`,
    list,
  );
}

/** The jurisdictions a version may be written for, in the order they layer. */
function jurisdictions(deps: AppContext) {
  const chain = jurisdictionChain(deps.config.DISTRICT_CODE);
  const names = ['全国', '省级', '市级', `本区（${deps.config.DISTRICT_NAME}）`];
  return chain.map((code, i) => ({ code, label: names[i + (4 - chain.length)] ?? code }));
}

export function createRuleSetsRouter(registry: RouteRegistry, deps: AppContext): Router {
  const router = Router();
  const { db } = deps;

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/admin/rule-sets',
      tag: '管理',
      summary: '规则版本列表',
      access: ['administrator', 'security_admin', 'auditor'],
      response: { status: 200, description: '规则版本', schema: ZRuleSets },
    },
    async () => ({
      items: await db.ruleSet.findMany({
        orderBy: [{ process: 'asc' }, { effectiveFrom: 'desc' }],
      }),
    }),
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/admin/policy-forms',
      tag: '管理',
      summary: '可设置规则的业务（系统管理员：各项业务；安全管理员：安全策略），及各级规则层级',
      access: OWNERS,
      response: { status: 200, description: '业务', schema: ZPolicyForms },
    },
    async ({ session }) => ({
      // In the order people think of the work (domain/policy-labels.ts), not the code's.
      processes: POLICY_PROCESSES.filter((p) => ownerOf(p) === session!.role)
        .sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b))
        .map((p) => ({ process: p, title: POLICY_FORMS[p]?.title ?? p })),
      jurisdictions: jurisdictions(deps),
    }),
  );

  registry.add(
    router,
    {
      method: 'get',
      path: '/api/admin/policy-forms/:process',
      tag: '管理',
      summary:
        '一项业务的规则表单：设置项的结构（JSON Schema）和今天生效的设置（只给设定该业务规则的管理员）',
      access: OWNERS,
      params: z.object({ process: z.enum(POLICY_PROCESSES).meta({ title: '业务' }) }),
      response: { status: 200, description: '表单', schema: ZPolicyForm },
      problems: ['bad_request', 'not_found'],
    },
    async ({ params, session }) => {
      const process = params.process as PolicyProcess;
      if (ownerOf(process) !== session!.role) throw hiddenFrom('没有找到该业务的规则表单');
      const schema = POLICY_SCHEMAS[process] as z.ZodType;
      let inForce: { ref: unknown; policy: unknown };
      try {
        inForce = await loadRuleLayers(db, process, deps.config.DISTRICT_CODE, Date.now(), (s) =>
          schema.safeParse(s),
        );
      } catch (e) {
        if (!(e instanceof RuleSetError && e.kind === 'missing')) throw e;
        inForce = { ref: null, policy: schema.parse({}) };
      }
      return {
        process,
        title: POLICY_FORMS[process]?.title ?? process,
        schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
        ruleSet: inForce.ref,
        policy: inForce.policy,
      };
    },
  );

  registry.add(
    router,
    {
      method: 'post',
      path: '/api/admin/rule-sets',
      tag: '管理',
      summary:
        '新增规则版本：`policy` 为完整设置（表单），只存与上级规则不同之处；或 `settings` 直接给出不同之处。已有版本不可修改',
      description:
        '安全策略（process = security）只由安全管理员设定，其余业务的规则只由系统管理员设定（三权分立）。',
      access: OWNERS,
      body: ZRuleSetRequest,
      response: { status: 201, description: '已新增', schema: ZRuleSet },
      problems: ['bad_request', 'conflict', 'unprocessable', 'forbidden'],
    },
    async ({ body, session }) => {
      if (session!.role !== ownerOf(body.process))
        throw new AppError(
          'forbidden',
          body.process === 'security'
            ? '安全策略只能由安全管理员设定'
            : '业务规则只能由系统管理员设定',
        );
      if (!jurisdictionChain(deps.config.DISTRICT_CODE).includes(body.jurisdiction)) {
        throw new AppError(
          'unprocessable',
          `规则层级 ${body.jurisdiction} 不在本机关的规则层级内`,
          [{ path: 'body.jurisdiction', message: '请选择规则层级', label: '规则层级' }],
        );
      }
      const schema = POLICY_SCHEMAS[body.process] as z.ZodType;
      const above = await loadLayersAbove(
        db,
        body.process,
        deps.config.DISTRICT_CODE,
        body.jurisdiction,
        body.effectiveFrom,
      );
      let settings: Record<string, unknown>;
      if (body.policy !== undefined) {
        const next = schema.safeParse(body.policy);
        if (!next.success) refuse(body.process, 'policy', next.error);
        const base = schema.parse(mergeLayers(above as never[]));
        settings = diffLayer(base as never, next.data as never);
      } else {
        settings = body.settings ?? {};
        const trial = schema.safeParse(settings);
        if (!trial.success) refuse(body.process, 'settings', trial.error);
        const unknown = unknownKeys(settings, trial.data);
        if (unknown.length > 0) {
          throw new AppError(
            'unprocessable',
            `规则设置含有未知的设置项：${unknown.join('、')}`,
            unknown.map((k) => ({ path: `body.settings.${k}`, message: `未知的设置项「${k}」` })),
          );
        }
        // The version must also hold together with the layers it sits on.
        const merged = schema.safeParse(mergeLayers([...(above as never[]), settings as never]));
        if (!merged.success) refuse(body.process, 'settings', merged.error);
      }
      const created = await operate(() =>
        createRuleSet(db, { ...body, settings, actor: operatorOf(session!) }),
      );
      if (body.process === 'security') deps.security.policy.invalidate();
      return created;
    },
  );

  return router;
}
