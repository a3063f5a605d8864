import { parse } from 'csv-parse/sync';
import type { Position17Mode } from '../../domain/credit-code';
import {
  type ImportColumn,
  type ImportedOrganization,
  mapHeaders,
  parseImportRow,
} from '../../domain/organization/import-row';
import { appendAudit } from '../../lib/audit';
import type { Db } from '../../lib/db';
import { Refused } from '../refused';

export interface ImportReport {
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
  /** Ids of the organisations written (created or updated). */
  imported: string[];
  rejected: { line: number; creditCode: string | null; name: string | null; reasons: string[] }[];
  warnings: { line: number; creditCode: string; messages: string[] }[];
}

interface Actor {
  /** Null for the system (the embedded demo's seed). */
  id: string | null;
  name: string;
  role: string;
}

const day = (d: string) => new Date(`${d}T00:00:00Z`);

function readCsv(text: string): { header: string[]; rows: { line: number; cells: string[] }[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (e) {
    throw new Refused('bad_request', `CSV 无法解析：${(e as Error).message}`);
  }
  const [head, ...rest] = records;
  if (!head) throw new Refused('bad_request', 'CSV 为空');
  return { header: head.record, rows: rest.map((r) => ({ line: r.info.lines, cells: r.record })) };
}

/** Existing rows that the import may not silently overwrite: a name used by another code. */
async function conflicts(db: Db, org: ImportedOrganization): Promise<string[]> {
  const reasons: string[] = [];
  const sameName = await db.organization.findFirst({
    where: { name: org.name, NOT: { creditCode: org.creditCode } },
    select: { creditCode: true },
  });
  if (sameName)
    reasons.push(`名称“${org.name}”已被另一组织使用（${sameName.creditCode ?? '尚无信用代码'}）`);
  if (org.grade) {
    const existing = await db.organization.findUnique({
      where: { creditCode: org.creditCode },
      select: { grades: { where: { status: 'active' }, select: { awardedOn: true } } },
    });
    const active = existing?.grades[0];
    if (active && active.awardedOn.toISOString().slice(0, 10) !== org.grade.awardedOn)
      reasons.push('该组织已有有效等级，导入不能替换；请通过等级评估或等级管理办理');
  }
  return reasons;
}

async function write(
  db: Db,
  org: ImportedOrganization,
  actor: Actor,
  at: Date,
): Promise<{ id: string; created: boolean }> {
  return db.$transaction(async (tx) => {
    const before = await tx.organization.findUnique({ where: { creditCode: org.creditCode } });
    const data = {
      name: org.name,
      status: 'registered' as const,
      legalForm: org.legalForm,
      category: org.category,
      registeredAt: day(org.registeredOn),
      domicile: org.domicile,
      legalRepresentative: org.legalRepresentative,
      supervisionMode: org.supervisionMode,
      supervisoryUnit: org.supervisoryUnit,
      email: org.email,
      legacyCertificateNo: org.legacyCertificateNo,
    };
    const row = await tx.organization.upsert({
      where: { creditCode: org.creditCode },
      create: { ...data, creditCode: org.creditCode },
      update: data,
    });
    for (const i of org.inspections) {
      await tx.annualInspection.upsert({
        where: { organizationId_year: { organizationId: row.id, year: i.year } },
        create: { organizationId: row.id, year: i.year, result: i.result, recordedById: actor.id },
        update: { result: i.result, recordedById: actor.id },
      });
    }
    const g = org.grade;
    if (g) {
      const same = await tx.grade.findFirst({
        where: { organizationId: row.id, awardedOn: day(g.awardedOn), level: g.level },
      });
      if (!same) {
        const expired = g.expiresOn <= at.toISOString().slice(0, 10);
        await tx.grade.create({
          data: {
            organizationId: row.id,
            level: g.level,
            awardingLevel: g.awardingLevel,
            awardedOn: day(g.awardedOn),
            expiresOn: day(g.expiresOn),
            status: expired ? 'expired' : 'active',
            activeFor: expired ? null : row.id,
            endedOn: expired ? day(g.expiresOn) : null,
            endReason: expired ? '有效期届满（导入时已过期）' : null,
            source: 'import',
          },
        });
      }
    }
    await appendAudit(tx, {
      subjectType: 'organization',
      subjectId: row.id,
      at,
      actor,
      action: before ? 'import_update' : 'import_create',
      details: {
        creditCode: org.creditCode,
        inspections: org.inspections.length,
        grade: g?.level ?? null,
      },
    });
    return { id: row.id, created: before === null };
  });
}

/**
 * Imports organisations registered before this system. Every row is checked first; rows with
 * a reason are reported and not written; valid rows are upserted by credit code (a re-import
 * of the same file changes nothing new). With `dryRun` nothing is written.
 */
export async function importOrganizations(
  db: Db,
  csv: string,
  opts: {
    actor: Actor;
    now: Date;
    today: string;
    dryRun: boolean;
    maxRows: number;
    /** The registration rules' switch for the GB 11714 check; an error unless set. */
    position17?: Position17Mode;
  },
): Promise<ImportReport> {
  const { header, rows } = readCsv(csv);
  const { fields, errors } = mapHeaders(header);
  if (errors.length > 0)
    throw new Refused(
      'unprocessable',
      '表头不符合导入模板',
      errors.map((message) => ({ path: 'body.header', message })),
    );
  if (rows.length > opts.maxRows)
    throw new Refused(
      'payload_too_large',
      `一次最多导入 ${opts.maxRows} 行，本文件有 ${rows.length} 行`,
    );
  const report: ImportReport = {
    dryRun: opts.dryRun,
    rows: rows.length,
    created: 0,
    updated: 0,
    imported: [],
    rejected: [],
    warnings: [],
  };
  const seen = new Map<string, number>();
  for (const { line, cells } of rows) {
    const record: Partial<Record<ImportColumn, string>> = {};
    fields.forEach((f, i) => {
      if (f && cells[i]) record[f] = cells[i];
    });
    const r = parseImportRow(record, opts.today, opts.position17);
    const code = record.creditCode?.toUpperCase() ?? null;
    const reasons = r.ok ? await conflicts(db, r.value) : [...r.reasons];
    if (cells.length > header.length)
      reasons.push(`本行有 ${cells.length} 列，多于表头的 ${header.length} 列`);
    if (code && seen.has(code)) reasons.push(`信用代码与第 ${seen.get(code)} 行重复`);
    if (code && !seen.has(code)) seen.set(code, line);
    if (!r.ok || reasons.length > 0) {
      report.rejected.push({ line, creditCode: code, name: record.name ?? null, reasons });
      continue;
    }
    if (r.warnings.length > 0)
      report.warnings.push({ line, creditCode: r.value.creditCode, messages: r.warnings });
    if (opts.dryRun) {
      const exists = await db.organization.findUnique({
        where: { creditCode: r.value.creditCode },
      });
      report[exists ? 'updated' : 'created'] += 1;
      continue;
    }
    const written = await write(db, r.value, opts.actor, opts.now);
    report[written.created ? 'created' : 'updated'] += 1;
    report.imported.push(written.id);
  }
  return report;
}
