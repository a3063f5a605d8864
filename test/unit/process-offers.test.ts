import { describe, expect, it } from '@jest/globals';
import { DEFAULT_PURCHASE_POLICY } from '../../domain/purchase/policy';
import * as rr from '../../workflows/competition/round-rules';
import * as pr from '../../workflows/competition/proposal-rules';
import * as fs from '../../workflows/evaluation/file-state';
import { CONTRACT_UPDATES, PROCUREMENT_UPDATES } from '../../workflows/purchase/actions';
import type { Actor } from '../../workflows/purchase/messages';
import { initialState, type PurchaseState } from '../../workflows/purchase/state';
import { actionOffers } from '../../workflows/shared/action';
import { type Offer, offeredTo } from '../../workflows/shared/offer';

/** The kernel's offers: a decision is offered to a person exactly when its check accepts them. */

const NOW = Date.parse('2026-12-01T02:00:00Z');
const buyer: Actor = { id: 'u1', name: '孙采购', role: 'purchaser' };
const buyer2: Actor = { id: 'u2', name: '李采购', role: 'purchaser' };
const finance: Actor = { id: 'f1', name: '周财务', role: 'finance' };
const org: Actor = { id: 'a1', name: '张申报', role: 'applicant', organizationId: 'o1' };
const names = (offers: Offer[], actor: object) => offeredTo(offers, actor).map((o) => o.name);

function project(): PurchaseState {
  return initialState(
    {
      projectId: '00000000-0000-4000-8000-000000000001',
      projectNo: 'GMFW-2026-0001',
      ocid: 'ocds-xxxxxx-320404-GMFW-2026-0001',
      title: '居家养老上门服务',
      department: '常州市钟楼区民政局',
      createdBy: buyer,
      item: {
        id: 'i1',
        version: 1,
        code: '01.03.002',
        catalogueClass: 'basic_public',
        level2: '养老服务',
        level3: '居家养老上门服务',
        department: '区民政局',
        serviceStandard: '标准',
        unit: '人次',
        priceBasis: '指导价',
        undertakerTypes: ['social_organization'],
        suitableForSocialOrganizations: true,
      },
      budgetFen: 50_000_000,
      budgetYear: 2026,
      performanceTargets: ['满意度不低于90%'],
      rules: {
        ref: { version: 'v', jurisdiction: '000000', effectiveFrom: '2020-03-01' },
        policy: DEFAULT_PURCHASE_POLICY,
        calendar: { years: {} },
      },
    },
    'purchase-1',
  );
}

describe('purchase: the procurement stage', () => {
  const offers = (s: PurchaseState) => actionOffers(PROCUREMENT_UPDATES, s, () => NOW);

  it('given a defined need, then the purchaser is offered the method and cancelling; others nothing', () => {
    const s = project();
    expect(names(offers(s), buyer)).toEqual(['planProcurement', 'cancelProject']);
    expect(names(offers(s), org)).toEqual([]);
    expect(names(offers(s), finance)).toEqual([]);
  });

  it('given a notice open for responses, then an undertaker is offered its response until it has answered', () => {
    const s = project();
    s.status = 'tendering';
    s.notice = { closesAt: new Date(NOW + 86_400_000).toISOString() } as PurchaseState['notice'];
    expect(names(offers(s), org)).toEqual(['submitResponse']);
    s.responses.push({ organizationId: 'o1' } as PurchaseState['responses'][number]);
    expect(names(offers(s), org)).toEqual([]);
  });
});

describe('purchase: the contract stage (申请支付第N期, four eyes on payment)', () => {
  const offers = (s: PurchaseState) => actionOffers(CONTRACT_UPDATES, s, () => NOW);
  const performing = () => {
    const s = project();
    s.status = 'performing';
    s.award = { organizationId: 'o1' } as PurchaseState['award'];
    s.tranches = [
      { no: 1, percent: 30, status: 'paid', gate: { kind: 'signing' } },
      { no: 2, percent: 70, status: 'pending', gate: { kind: 'signing' } },
    ] as PurchaseState['tranches'];
    return s;
  };

  it('given a pending second tranche, then the purchaser is offered its payment request for that tranche only', () => {
    const got = offeredTo(offers(performing()), buyer);
    expect(got.find((o) => o.name === 'requestPayment')?.about).toEqual([{ trancheNo: 2 }]);
    expect(got.map((o) => o.name)).not.toContain('releasePayment');
  });

  it('given a requested tranche, then finance is offered its release unless they requested it', () => {
    const s = performing();
    const t2 = s.tranches[1] as PurchaseState['tranches'][number];
    s.tranches[1] = { ...t2, status: 'requested', requestedBy: { ...finance, id: 'f1' } } as never;
    expect(names(offers(s), finance)).not.toContain('releasePayment');
    s.tranches[1] = { ...t2, status: 'requested', requestedBy: { ...buyer2 } } as never;
    expect(offeredTo(offers(s), finance).find((o) => o.name === 'releasePayment')?.about).toEqual([
      { trancheNo: 2, voucherNo: '' },
    ]);
  });

  it('given the undertaker, then it is offered deliverables only for its own contract', () => {
    const s = performing();
    s.milestones = [{ id: 'm1', title: '一', status: 'pending' }] as PurchaseState['milestones'];
    expect(names(offers(s), org)).toEqual(['submitDeliverable']);
    expect(names(offers(s), { ...org, organizationId: 'o2' })).toEqual([]);
  });
});

describe('competition: the round and a proposal', () => {
  it('given a round in eligibility review, then only the first scoring can be opened', () => {
    const st = rr.initialRound();
    st.stage = 'eligibility_review';
    const offer: Offer = {
      name: 'openScoring',
      check: (a: { phase: 'first' | 'roadshow' }) => rr.checkOpenScoring(st, a.phase),
      probes: () => [{ phase: 'first' }, { phase: 'roadshow' }],
    };
    expect(offeredTo([offer], { id: 'x' })).toEqual([
      { name: 'openScoring', about: [{ phase: 'first' }] },
    ]);
  });

  it('given an ordered tranche, then its confirmation is offered to anyone but the one who ordered it', () => {
    const s = pr.initialProposal({ tranchePercents: [100] } as never);
    s.tranches = [{ n: 1, amountFen: 100, status: 'ordered', orderedBy: { id: 'p1' } }] as never;
    const offer: Offer = {
      name: 'confirmPayment',
      check: (a: { actor: { id: string }; tranche: number }) => pr.checkConfirm(s, a as never),
      probes: () => s.tranches.map((t) => ({ tranche: t.n })),
    };
    expect(names([offer], { id: 'p1' })).toEqual([]);
    expect(names([offer], { id: 'p2' })).toEqual(['confirmPayment']);
  });
});

describe('evaluation: a file', () => {
  it('given a seated expert, then the declaration is offered to them and to nobody else', () => {
    const s = fs.initialFileState({ organizationId: 'o1', committeeIds: [] } as never);
    s.status = 'assigned';
    s.evaluators = [{ id: 'e1', status: 'assigned', total: null }] as never;
    const offer: Offer = {
      name: 'declareConflict',
      check: (a: { actor: { id: string } }) => fs.checkDeclareConflict(s, a.actor as never),
    };
    expect(names([offer], { id: 'e1', role: 'evaluator' })).toEqual(['declareConflict']);
    expect(names([offer], { id: 'e2', role: 'evaluator' })).toEqual([]);
  });
});

describe('the kernel', () => {
  it('given a check that refuses only the arguments, then the action is offered (the form asks for them)', () => {
    const offer: Offer = {
      name: 'x',
      check: () => ({ type: 'InvalidInput', message: '须说明理由' }),
    };
    expect(names([offer], {})).toEqual(['x']);
  });

  it('given a check that cannot judge without arguments (it throws), then it is not offered', () => {
    const offer: Offer = {
      name: 'x',
      check: (a: { reason: string }) => (a.reason.trim() ? null : null),
    };
    expect(names([offer], {})).toEqual([]);
  });
});
