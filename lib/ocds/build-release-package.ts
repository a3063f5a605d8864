import { cataloguePath } from '../../domain/purchase/catalogue';
import { METHOD_LABEL, OCDS_METHOD } from '../../domain/purchase/procurement-method';
import type { PurchaseView } from '../../workflows/purchase/view-types';

/**
 * OCDS 1.1 (DOMAIN §7): one release package per contracting process, one release per stage
 * the project reached (planning, tender, award, contract, implementation, termination), each
 * a full snapshot of what was known then. Organisations carry scheme CN-USCI.
 */

type Json = Record<string, unknown>;

/** Amounts leave the system in yuan as OCDS wants them; computed from integer fen. */
const value = (fen: number) => ({ amount: Number((fen / 100).toFixed(2)), currency: 'CNY' });
const orgId = (creditCode: string) => `CN-USCI-${creditCode}`;
/** A local date as an OCDS date-time at the start of the day in Beijing. */
const dayStart = (d: string) => `${d}T00:00:00+08:00`;
const dayEnd = (d: string) => `${d}T23:59:59+08:00`;

export interface OcdsPublisher {
  name: string;
  uri: string;
  /** Where this package is served. */
  packageUri: string;
  publishedDate: string;
}

/**
 * Whether the bids of the current procurement round have been opened: the response window
 * closed (or the procurement failed at its close) after the last notice. Until then nobody may
 * learn who tendered or how many did (招标投标法 art. 22; 政府采购法实施条例): a tender that
 * is open names no tenderer and counts none.
 */
export function bidsOpened(v: PurchaseView): boolean {
  const last = (pred: (a: string) => boolean) => v.trail.findLastIndex((t) => pred(t.action));
  const notice = last((a) => a === 'publish_notice');
  const opened = last((a) => a === 'close_responses' || a === 'procurement_failed');
  return notice >= 0 && opened > notice;
}

function parties(v: PurchaseView, buyerId: string, disclose: boolean): Json[] {
  const buyer = { id: buyerId, name: v.department, roles: ['buyer', 'procuringEntity', 'payer'] };
  if (!disclose) return [buyer];
  const responders = v.responses.map((r) => {
    const won = v.award?.organizationId === r.organizationId && v.status !== 'publicity';
    return {
      id: orgId(r.creditCode),
      name: r.name,
      identifier: { scheme: 'CN-USCI', id: r.creditCode, legalName: r.name },
      roles: won ? ['tenderer', 'supplier', 'payee'] : ['tenderer'],
    };
  });
  return [buyer, ...responders];
}

function tenderStatus(v: PurchaseView): string {
  if (v.status === 'cancelled') return 'cancelled';
  if (v.status === 'failed') return 'unsuccessful';
  if (v.status === 'tendering') return 'active';
  if (!v.notice) return 'planned';
  return v.award?.noticeAt ? 'complete' : 'active';
}

function tender(v: PurchaseView, disclose: boolean): Json {
  const p = v.procurement;
  return {
    id: `${v.projectNo}-ZB`,
    title: v.title,
    status: tenderStatus(v),
    procuringEntity: { id: 'buyer', name: v.department },
    items: [
      {
        id: '1',
        description: v.item.level3,
        // A local scheme for the district catalogue (§7.2 [U]).
        classification: {
          scheme: 'CN-ZL-GMFW',
          id: v.item.code,
          description: cataloguePath(v.item),
        },
        unit: { name: v.item.unit },
      },
    ],
    value: value(v.budgetFen),
    ...(p
      ? {
          procurementMethod: OCDS_METHOD[p.method],
          procurementMethodDetails: METHOD_LABEL[p.method],
          ...(p.ground ? { procurementMethodRationale: p.ground } : {}),
        }
      : {}),
    mainProcurementCategory: 'services',
    ...(v.notice
      ? { tenderPeriod: { startDate: v.notice.publishedAt, endDate: v.notice.closesAt } }
      : {}),
    ...(disclose
      ? {
          numberOfTenderers: v.responses.length,
          tenderers: v.responses.map((r) => ({ id: orgId(r.creditCode), name: r.name })),
        }
      : {}),
  };
}

function awards(v: PurchaseView): Json[] {
  const a = v.award;
  if (!a) return [];
  return [
    {
      id: `${v.projectNo}-CJ`,
      title: `${v.title}成交结果`,
      status: a.noticeAt ? 'active' : 'pending',
      date: a.decidedAt,
      value: value(a.amountFen),
      suppliers: [{ id: orgId(a.creditCode), name: a.name }],
    },
  ];
}

const MILESTONE_STATUS = {
  pending: 'scheduled',
  submitted: 'scheduled',
  returned: 'notMet',
  accepted: 'met',
} as const;

function contract(v: PurchaseView, withImplementation: boolean): Json[] {
  const c = v.contract;
  const a = v.award;
  if (!c || !a) return [];
  const delivery = v.milestones.map((m) => ({
    id: m.id,
    title: m.title,
    type: 'delivery',
    dueDate: dayEnd(m.dueDate),
    status: MILESTONE_STATUS[m.status],
    ...(m.status === 'accepted' ? { dateMet: m.reviews.at(-1)?.at } : {}),
  }));
  const payment = v.tranches.map((t) => ({
    id: `P${t.no}`,
    title: `第${t.no}期付款（${t.percent}%）`,
    type: 'payment',
    description:
      t.gate.kind === 'signing'
        ? '合同签订后支付'
        : t.gate.kind === 'milestone'
          ? `里程碑${t.gate.milestoneId}验收通过后支付`
          : '最终绩效评价合格后支付（预留款）',
    status: t.status === 'paid' ? 'met' : t.status === 'cancelled' ? 'notMet' : 'scheduled',
    ...(t.paidAt ? { dateMet: t.paidAt } : {}),
  }));
  const finalEval = v.evaluations.find((e) => e.stage === 'final');
  const assessment = {
    id: 'PE',
    title: '最终绩效评价',
    type: 'assessment',
    status: finalEval ? (finalEval.passed ? 'met' : 'notMet') : 'scheduled',
    ...(finalEval ? { dateMet: finalEval.at } : {}),
  };
  const buyer = { id: 'buyer', name: v.department };
  const payee = { id: orgId(a.creditCode), name: a.name };
  return [
    {
      id: c.id,
      awardID: `${v.projectNo}-CJ`,
      title: `${v.title}合同`,
      status: v.termination ? 'terminated' : v.status === 'closed' ? 'terminated' : 'active',
      period: { startDate: dayStart(c.startDate), endDate: dayEnd(c.endDate) },
      value: value(c.amountFen),
      dateSigned: c.signedAt,
      milestones: [...payment, assessment],
      ...(v.amendments.length
        ? {
            amendments: v.amendments.map((x, i) => ({
              id: `A${i + 1}`,
              date: x.at,
              rationale: x.reason,
              description: x.changes?.length ? x.changes.join('；') : `服务期限变更至${x.endDate}`,
            })),
          }
        : {}),
      ...(withImplementation
        ? {
            implementation: {
              milestones: delivery,
              transactions: v.tranches
                .filter((t) => t.status === 'paid')
                .map((t) => ({
                  id: `${c.id}-T${t.no}`,
                  date: t.paidAt,
                  value: value(t.amountFen),
                  payer: buyer,
                  payee,
                })),
              documents: v.evaluations.map((e, i) => ({
                id: `PE${i + 1}`,
                documentType: e.stage === 'final' ? 'finalAudit' : 'physicalProgressReport',
                title: e.stage === 'final' ? '最终绩效评价报告' : '中期绩效评价报告',
                description: `得分${e.score}，${e.passed ? '合格' : '不合格'}。${e.report}`,
                datePublished: e.at,
              })),
            },
          }
        : {}),
    },
  ];
}

/** The stages reached, in order, with the time each was reached. */
function stages(v: PurchaseView): { tag: string; date: string }[] {
  const at = (action: string) => v.trail.find((t) => t.action === action)?.at;
  const last = (action: string) => v.trail.filter((t) => t.action === action).at(-1)?.at;
  const out: { tag: string; date: string }[] = [];
  const created = v.trail[0]?.at ?? v.procurement?.at;
  out.push({ tag: 'planning', date: v.procurement?.at ?? created ?? new Date(0).toISOString() });
  const notice = at('publish_notice');
  if (notice) out.push({ tag: 'tender', date: notice });
  const cancelled = at('cancel_project') ?? at('procurement_failed');
  if (cancelled && v.status === 'cancelled')
    out.push({ tag: 'tenderCancellation', date: cancelled });
  const awarded = last('award');
  if (awarded && v.award) out.push({ tag: 'award', date: awarded });
  const signed = at('sign_contract');
  if (signed) out.push({ tag: 'contract', date: signed });
  const impl = v.trail.filter((t) =>
    [
      'submit_deliverable',
      'accept_deliverable',
      'return_deliverable',
      'release_payment',
      'performance_evaluation_interim',
      'performance_evaluation_final',
      'close_project',
    ].includes(t.action),
  );
  if (impl.length) out.push({ tag: 'implementation', date: impl.at(-1)?.at as string });
  const amended = last('amend_contract');
  if (amended) out.push({ tag: 'contractAmendment', date: amended });
  const ended = at('terminate_contract');
  if (ended) out.push({ tag: 'contractTermination', date: ended });
  return out;
}

/**
 * Stage by stage, each release discloses what was public when it was made: tenderers appear in
 * no release before the bids were opened (the notice's release never names them), then in the
 * release of the award and after, or in the latest release once the bids are open.
 */
export function buildReleasePackage(v: PurchaseView, publisher: OcdsPublisher): Json {
  const all = stages(v);
  const opened = bidsOpened(v);
  const releases = all.map((st, i) => {
    const upTo = new Set(all.slice(0, i + 1).map((x) => x.tag));
    const hasTender = upTo.has('tender') || upTo.has('tenderCancellation');
    const hasAward = upTo.has('award');
    const hasContract = upTo.has('contract');
    const disclose = opened && (hasAward || i === all.length - 1);
    return {
      ocid: v.ocid,
      id: `${v.ocid}-${String(i + 1).padStart(2, '0')}-${st.tag}`,
      date: st.date,
      tag: [st.tag],
      initiationType: 'tender',
      language: 'zh',
      parties: parties(v, 'buyer', disclose),
      buyer: { id: 'buyer', name: v.department },
      planning: {
        rationale: v.performanceTargets.join('；'),
        budget: {
          description: `${v.budgetYear}年度部门预算：${v.title}`,
          amount: value(v.budgetFen),
        },
      },
      ...(hasTender
        ? { tender: tender(v, disclose) }
        : { tender: { id: `${v.projectNo}-ZB`, title: v.title, status: 'planning' } }),
      ...(hasAward ? { awards: awards(v) } : {}),
      ...(hasContract
        ? { contracts: contract(v, upTo.has('implementation') || upTo.has('contractTermination')) }
        : {}),
    };
  });
  return {
    uri: publisher.packageUri,
    version: '1.1',
    publishedDate: publisher.publishedDate,
    publisher: { name: publisher.name, uri: publisher.uri },
    releases,
  };
}
