import { computeDeadline } from '../../domain/deadlines';
import type { Application } from '../../domain/registration/application';
import type { DeficiencyItem } from '../../domain/registration/completeness';
import { LEGAL_BASIS } from '../../domain/registration/grounds';
import type { RegistrationPolicy } from '../../domain/registration/policy';
import { resubmit, withdraw } from '../../workflows/registration/applicant';
import {
  accept,
  issueDeficiencyNotice,
  refuseAcceptance,
} from '../../workflows/registration/intake';
import { extendPreparation, submitFounding } from '../../workflows/registration/preparation';
import {
  approve,
  assign,
  claim,
  reject,
  returnForCorrection,
} from '../../workflows/registration/review';
import {
  decideExtension,
  endExpertReview,
  requestExtension,
  startExpertReview,
} from '../../workflows/registration/review-clock';
import type { CaseState } from '../../workflows/registration/state';
import { caseTimers, nextTimer } from '../../workflows/registration/timers';
import { buildView } from '../../workflows/registration/view';
import { actionOffers } from '../../workflows/shared/action';
import { offeredTo } from '../../workflows/shared/offer';
import {
  APPLICANT,
  act,
  applicationFor,
  BUREAU_HEAD,
  fireNext,
  newCase,
  policyWith,
  REVIEWER_A,
  REVIEWER_B,
  REVIEWER_C,
  refusal,
  SECTION_HEAD,
  sec,
  T0,
} from './support/registration';

/** T0 plus n seconds: every limit in these tests is in seconds (see support/registration.ts). */
const at = (n: number) => T0 + sec(n);
const iso = (ms: number) => new Date(ms).toISOString();
const dueOf = (s: CaseState, clock: 'decisionClock' | 'prepClock' | 'responseClock') =>
  computeDeadline(s[clock]!, s.calendar).dueAt;

const CHARTER_ITEM: DeficiencyItem = {
  code: 'CHARTER_EXIT',
  target: 'document:charter_draft',
  title: '章程草案缺少会员退会办法',
  description: '请在章程草案中写明会员退会办法。',
  legalBasis: '《社会团体登记管理条例》第十四条第（三）项',
};

const SECOND_LEVEL = {
  kind: 'notify',
  template: 'second_review_pending',
  audience: [
    { kind: 'role', role: 'reviewer' },
    { kind: 'role', role: 'section_head' },
  ],
};

const PREPARATION_1998 = policyWith({ ruleVersion: '1998', preparation: { enabled: true } });

/** Accepted by reviewer A at T0+1s (so the decision clock runs from there). */
function accepted(app: Application = applicationFor('social_group'), policy = policyWith()) {
  const s = newCase(app, policy);
  act(s, accept, { actor: REVIEWER_A }, at(1));
  return s;
}

/** Reviewer A recommended approval at T0+2s. */
function atSecondReview(app?: Application, policy?: RegistrationPolicy) {
  const s = accepted(app, policy);
  act(s, approve, { actor: REVIEWER_A, opinion: '材料齐全，符合登记条件' }, at(2));
  return s;
}

/** Reviewer B took the second review at T0+3s and returned it for correction at T0+10s. */
function returnedAtSecondReview() {
  const s = atSecondReview();
  act(s, claim, { actor: REVIEWER_B }, at(3));
  act(
    s,
    returnForCorrection,
    { actor: REVIEWER_B, items: [CHARTER_ITEM], reason: '章程草案须补充' },
    at(10),
  );
  return s;
}

/** Filed without the member list; the one-time notice went out at T0+1s. */
function awaitingCorrection() {
  const s = newCase(applicationFor('social_group', ['member_list']));
  act(s, issueDeficiencyNotice, { actor: REVIEWER_A, items: s.findings }, at(1));
  return s;
}

/** 1998 text: the preparation stage approved by reviewer B at T0+3s. */
function preparing() {
  const s = atSecondReview(applicationFor('social_group'), PREPARATION_1998);
  act(s, approve, { actor: REVIEWER_B, opinion: '同意筹备' }, at(3));
  return s;
}

/** The next text of the application, as the applicant files it. */
function nextText(s: CaseState, change: (a: Application) => void = () => {}) {
  const application = structuredClone(s.application);
  change(application);
  return { actor: APPLICANT, version: s.applicationVersion + 1, application };
}

const MEMBER_LIST = {
  type: 'member_list' as const,
  fileId: '00000000-0000-4000-8000-000000000090',
};

describe('intake: the one-time deficiency notice (行政许可法 art. 32)', () => {
  it('given a file missing its charter and member list, when the first notice lists only the charter, should refuse and name the member list', () => {
    const s = newCase(applicationFor('social_group', ['member_list', 'charter_draft']));
    const charter = s.findings.filter((f) => f.target === 'document:charter_draft');
    const r = refusal(s, issueDeficiencyNotice, { actor: REVIEWER_A, items: charter }, at(1));
    expect(r?.type).toBe('IllegalTransition');
    expect(r?.message).toContain('以下事项未列入：缺少会员名册');
  });

  it('given a file with findings, when the first notice lists every one, should wait for the applicant with the response clock running', () => {
    const s = newCase(applicationFor('social_group', ['member_list']));
    const effects = act(s, issueDeficiencyNotice, { actor: REVIEWER_A, items: s.findings }, at(1));
    expect(s.status).toBe('correction_required');
    expect(s.intakeClock).toBeNull();
    expect(s.responseClock).toEqual({
      startedAt: at(1),
      limit: { amount: 30, unit: 'seconds' },
      pauses: [],
      extensions: [],
    });
    expect(s.notices).toEqual([
      {
        no: 1,
        kind: 'intake',
        issuedAt: iso(at(1)),
        issuedBy: { id: 'u-rev-a', name: '李审查', role: 'reviewer' },
        items: s.findings,
        note: undefined,
      },
    ]);
    expect(effects).toEqual([
      { kind: 'document', document: 'deficiency_notice' },
      { kind: 'notify', template: 'deficiency_notice', audience: [{ kind: 'applicant' }] },
    ]);
  });

  it('given a file with findings, when the first notice lists them all and one more of the clerk, should allow it', () => {
    const s = newCase(applicationFor('social_group', ['member_list']));
    const items = [...s.findings, CHARTER_ITEM];
    expect(refusal(s, issueDeficiencyNotice, { actor: REVIEWER_A, items }, at(1))).toBeNull();
  });

  it('given a notice with no item, when issued, should refuse it as invalid input', () => {
    const s = newCase();
    expect(refusal(s, issueDeficiencyNotice, { actor: REVIEWER_A, items: [] }, at(1))?.type).toBe(
      'InvalidInput',
    );
  });

  it.each([APPLICANT, { id: 'u-eval', name: '赵专家', role: 'evaluator' as const }])(
    'given %o, when issuing a notice, should refuse: only bureau staff',
    (actor) => {
      const s = newCase(applicationFor('social_group', ['member_list']));
      expect(refusal(s, issueDeficiencyNotice, { actor, items: s.findings }, at(1))?.type).toBe(
        'Forbidden',
      );
    },
  );

  it('given a resubmission that renamed the group badly, when a second notice targets the name, should allow it', () => {
    const s = awaitingCorrection();
    act(
      s,
      resubmit,
      nextText(s, (a) => {
        a.documents.push(MEMBER_LIST);
        a.name = '中国钟楼区青松志愿服务促进会';
      }),
      at(5),
    );
    expect(s.status).toBe('submitted');
    expect(s.findings.map((f) => f.target)).toEqual(['field:name', 'field:name']);
    expect(
      refusal(s, issueDeficiencyNotice, { actor: REVIEWER_A, items: s.findings }, at(6)),
    ).toBeNull();
  });

  it('given a resubmission that left the members unchanged, when a second notice raises the members, should refuse and name the item', () => {
    const s = awaitingCorrection();
    act(
      s,
      resubmit,
      nextText(s, (a) => a.documents.push(MEMBER_LIST)),
      at(5),
    );
    const late: DeficiencyItem = {
      code: 'MEMBERS_CHECK',
      target: 'field:members',
      title: '会员数量需提供证明',
      description: '请提交会员入会申请。',
      legalBasis: '《社会团体登记管理条例》第十条第一款第（一）项',
    };
    const r = refusal(s, issueDeficiencyNotice, { actor: REVIEWER_A, items: [late] }, at(6));
    expect(r?.type).toBe('IllegalTransition');
    expect(r?.message).toContain('不在本次补正的内容中：会员数量需提供证明');
  });

  it('given a resubmission that replaced the member list, when a second notice raises that document, should allow it', () => {
    const s = awaitingCorrection();
    act(
      s,
      resubmit,
      nextText(s, (a) => a.documents.push(MEMBER_LIST)),
      at(5),
    );
    const item = { ...CHARTER_ITEM, target: 'document:member_list', title: '会员名册未签章' };
    expect(
      refusal(s, issueDeficiencyNotice, { actor: REVIEWER_A, items: [item] }, at(6)),
    ).toBeNull();
  });

  it('given a file still missing its member list, when a clerk accepts it, should refuse and name the document', () => {
    const s = newCase(applicationFor('social_group', ['member_list']));
    expect(refusal(s, accept, { actor: REVIEWER_A }, at(1))).toEqual({
      type: 'IllegalTransition',
      message: '材料不齐全，不能出具受理通知书：缺少会员名册',
    });
  });

  it('given a complete file whose only finding is its name, when accepted, should allow it (substance is for the review)', () => {
    const app = applicationFor('social_group');
    app.name = '常州市钟楼区青松志愿服务中心';
    const s = newCase(app);
    expect(s.findings.map((f) => f.code)).toEqual(['NAME_WRONG_FORM_SUFFIX']);
    expect(refusal(s, accept, { actor: REVIEWER_A }, at(1))).toBeNull();
  });

  it('given a complete file, when accepted, should start the decision clock at acceptance and give the file to the clerk', () => {
    const s = newCase();
    const effects = act(s, accept, { actor: REVIEWER_A }, at(1));
    expect(s.status).toBe('first_review');
    expect(s.accepted).toEqual({ at: at(1), by: REVIEWER_A, deemed: false, receiptNo: null });
    expect(s.decisionClock).toEqual({
      startedAt: at(1),
      limit: { amount: 60, unit: 'seconds' },
      pauses: [],
      extensions: [],
    });
    expect(s.intakeClock).toBeNull();
    expect(s.assignee).toEqual(REVIEWER_A);
    expect(effects).toEqual([
      { kind: 'loadRules', at: at(1) },
      { kind: 'receipt' },
      { kind: 'document', document: 'acceptance_receipt' },
      { kind: 'notify', template: 'accepted', audience: [{ kind: 'applicant' }] },
    ]);
  });

  it('given an accepted file, when a clerk tries a deficiency notice, should refuse: intake is over', () => {
    const s = accepted();
    expect(
      refusal(s, issueDeficiencyNotice, { actor: REVIEWER_A, items: [CHARTER_ITEM] }, at(2))?.type,
    ).toBe('IllegalTransition');
  });

  it.each([
    ['no reason', [], '住所不在本区'],
    ['a blank explanation', ['not_competent'], '   '],
  ] as const)(
    'given %s, when refusing acceptance, should refuse as invalid input',
    (_, reasons, explanation) => {
      const s = newCase();
      expect(
        refusal(
          s,
          refuseAcceptance,
          { actor: REVIEWER_A, reasons: [...reasons], explanation },
          at(1),
        )?.type,
      ).toBe('InvalidInput');
    },
  );

  it('given a matter outside the bureau competence, when refusing acceptance with a reason, should end the case with art. 32 as basis', () => {
    const s = newCase();
    const effects = act(
      s,
      refuseAcceptance,
      { actor: REVIEWER_A, reasons: ['not_competent'], explanation: '住所不在本区' },
      at(1),
    );
    expect(s.status).toBe('not_accepted');
    expect(s.decision).toEqual({
      outcome: 'not_accepted',
      at: iso(at(1)),
      by: { id: 'u-rev-a', name: '李审查', role: 'reviewer' },
      reason: '申请事项依法不属于本机关职权范围。住所不在本区',
      legalBasis: '《中华人民共和国行政许可法》第三十二条第一款',
    });
    expect(effects[0]).toEqual({ kind: 'document', document: 'non_acceptance_notice' });
  });
});

describe('review: four eyes', () => {
  it('given reviewer A made the first review, when A approves at the second review, should refuse as FourEyes', () => {
    const s = atSecondReview();
    const r = refusal(s, approve, { actor: REVIEWER_A, opinion: '同意' }, at(3));
    expect(r).toEqual({
      type: 'FourEyes',
      message: '复审须由初审以外的人员进行：李审查已办理本件初审',
    });
  });

  it('given reviewer A made the first review, when A rejects or returns at the second review, should refuse as FourEyes too', () => {
    const s = atSecondReview();
    expect(
      refusal(s, reject, { actor: REVIEWER_A, grounds: ['fraud'], reason: '材料虚假' }, at(3))
        ?.type,
    ).toBe('FourEyes');
    expect(
      refusal(
        s,
        returnForCorrection,
        { actor: REVIEWER_A, items: [CHARTER_ITEM], reason: '补正' },
        at(3),
      )?.type,
    ).toBe('FourEyes');
  });

  it('given a section head made the first review, when the same section head approves at the second review, should refuse as FourEyes', () => {
    const s = newCase();
    act(s, accept, { actor: SECTION_HEAD }, at(1));
    act(s, approve, { actor: SECTION_HEAD, opinion: '同意' }, at(2));
    expect(refusal(s, approve, { actor: SECTION_HEAD, opinion: '同意' }, at(3))?.type).toBe(
      'FourEyes',
    );
  });

  it('given the first review file assigned to reviewer A, when reviewer B approves, should refuse: it is assigned to A', () => {
    const s = accepted();
    expect(refusal(s, approve, { actor: REVIEWER_B, opinion: '同意' }, at(2))).toEqual({
      type: 'Forbidden',
      message: '本件已分配给李审查办理',
    });
  });

  it('given the second review claimed by B, when reviewer C approves, should refuse; when a section head approves, should decide', () => {
    const s = atSecondReview();
    act(s, claim, { actor: REVIEWER_B }, at(3));
    expect(refusal(s, approve, { actor: REVIEWER_C, opinion: '同意' }, at(4))?.message).toBe(
      '本件已分配给赵审查办理',
    );
    act(s, approve, { actor: SECTION_HEAD, opinion: '同意' }, at(4));
    expect(s.status).toBe('approved');
    expect(s.decision?.by).toEqual({ id: 'u-head', name: '孙科长', role: 'section_head' });
  });

  it('given a file already claimed by B, when a section head claims it, should refuse: it has a handler', () => {
    const s = atSecondReview();
    act(s, claim, { actor: REVIEWER_B }, at(3));
    expect(refusal(s, claim, { actor: SECTION_HEAD }, at(4))).toEqual({
      type: 'IllegalTransition',
      message: '本件已由赵审查承办',
    });
  });

  it('given the second review, when a section head assigns it to the first reviewer, should refuse as FourEyes naming A', () => {
    const s = atSecondReview();
    const r = refusal(s, assign, { actor: SECTION_HEAD, assignee: REVIEWER_A }, at(3));
    expect(r?.type).toBe('FourEyes');
    expect(r?.message).toMatch(/^不能分配给李审查：/);
  });

  it('given the second review, when a section head assigns it to B, should hand it to B and tell B', () => {
    const s = atSecondReview();
    const effects = act(s, assign, { actor: SECTION_HEAD, assignee: REVIEWER_B }, at(3));
    expect(s.assignee).toEqual(REVIEWER_B);
    expect(effects).toEqual([
      {
        kind: 'notify',
        template: 'review_assigned',
        audience: [{ kind: 'account', accountId: 'u-rev-b' }],
      },
    ]);
  });

  it('given a reviewer, when assigning a file, should refuse: only section heads assign', () => {
    const s = atSecondReview();
    expect(refusal(s, assign, { actor: REVIEWER_B, assignee: REVIEWER_C }, at(3))?.type).toBe(
      'Forbidden',
    );
  });
});

describe('review: decisions', () => {
  it('given the first review, when A rejects, should only recommend refusal and pass the file to the second level', () => {
    const s = accepted();
    const effects = act(
      s,
      reject,
      { actor: REVIEWER_A, grounds: ['unnecessary_duplicate'], reason: '本区已有同类社团' },
      at(2),
    );
    expect(s.status).toBe('second_review');
    expect(s.decision).toBeNull();
    expect(s.recommendation).toEqual({
      outcome: 'reject',
      grounds: ['unnecessary_duplicate'],
      by: REVIEWER_A,
    });
    expect(s.firstReviewer).toEqual(REVIEWER_A);
    expect(s.assignee).toBeNull();
    expect(s.trail.at(-1)).toMatchObject({
      action: 'first_review_rejected',
      from: 'first_review',
      to: 'second_review',
      legalBasis: '《社会团体登记管理条例》第十三条第（二）项',
    });
    expect(effects).toEqual([SECOND_LEVEL]);
  });

  it('given a recommended refusal, when B rejects at the second review, should decide with grounds, reasons and legal basis', () => {
    const s = accepted();
    act(
      s,
      reject,
      { actor: REVIEWER_A, grounds: ['unnecessary_duplicate'], reason: '本区已有同类社团' },
      at(2),
    );
    const effects = act(
      s,
      reject,
      { actor: REVIEWER_B, grounds: ['unnecessary_duplicate'], reason: '钟楼区已有青松志愿者协会' },
      at(3),
    );
    expect(s.status).toBe('rejected');
    expect(s.decision).toEqual({
      outcome: 'rejected',
      at: iso(at(3)),
      by: { id: 'u-rev-b', name: '赵审查', role: 'reviewer' },
      reason:
        '同一行政区域内已有业务范围相同或者相似的组织，没有必要成立。钟楼区已有青松志愿者协会',
      grounds: ['unnecessary_duplicate'],
      legalBasis: '《社会团体登记管理条例》第十三条第（二）项',
    });
    expect(effects).toEqual([
      { kind: 'document', document: 'rejection_decision' },
      { kind: 'notify', template: 'rejected', audience: [{ kind: 'applicant' }] },
    ]);
  });

  it('given a 民非 refused for fraud and disqualified persons, when decided, should cite both items of art. 11(2)', () => {
    const s = atSecondReview(applicationFor('private_non_enterprise'));
    act(
      s,
      reject,
      { actor: REVIEWER_B, grounds: ['fraud', 'disqualified_persons'], reason: '虚报' },
      at(3),
    );
    expect(s.decision?.legalBasis).toBe(
      '《民办非企业单位登记管理暂行条例》第十一条第二款第（二）项；' +
        '《民办非企业单位登记管理暂行条例》第十一条第二款第（四）项',
    );
  });

  it.each([
    ['no ground', [], '不符合条件'],
    ['a blank reason', ['fraud'], ' '],
  ] as const)('given %s, when rejecting, should refuse as invalid input', (_, grounds, reason) => {
    const s = accepted();
    expect(
      refusal(s, reject, { actor: REVIEWER_A, grounds: [...grounds], reason }, at(2))?.type,
    ).toBe('InvalidInput');
  });

  it('given the one-trade-many-associations relaxation, when rejecting as an unnecessary duplicate, should refuse', () => {
    const s = accepted(
      applicationFor('social_group'),
      policyWith({ relaxations: { oneTradeMultipleAssociations: true } }),
    );
    const r = refusal(
      s,
      reject,
      { actor: REVIEWER_A, grounds: ['unlawful_purpose', 'unnecessary_duplicate'], reason: '重复' },
      at(2),
    );
    expect(r?.type).toBe('IllegalTransition');
    expect(r?.message).toContain('一业多会');
  });

  it('given the relaxation, when rejecting on another ground, should allow it', () => {
    const s = accepted(
      applicationFor('social_group'),
      policyWith({ relaxations: { oneTradeMultipleAssociations: true } }),
    );
    expect(
      refusal(
        s,
        reject,
        { actor: REVIEWER_A, grounds: ['unlawful_purpose'], reason: '宗旨违法' },
        at(2),
      ),
    ).toBeNull();
  });

  it('given no relaxation, when rejecting as an unnecessary duplicate, should allow it', () => {
    const s = accepted();
    expect(
      refusal(
        s,
        reject,
        { actor: REVIEWER_A, grounds: ['unnecessary_duplicate'], reason: '重复' },
        at(2),
      ),
    ).toBeNull();
  });

  it('given a recommended approval under the 2016 text, when B approves, should register the group and ask for certificate and announcement', () => {
    const s = atSecondReview();
    const effects = act(s, approve, { actor: REVIEWER_B, opinion: '准予登记' }, at(3));
    expect(s.status).toBe('approved');
    expect(s.decision).toMatchObject({
      outcome: 'approved',
      legalBasis: '《社会团体登记管理条例》第十二条',
      reason: '准予登记',
    });
    expect(effects).toEqual([
      { kind: 'certificate' },
      { kind: 'announcement' },
      { kind: 'notify', template: 'approved', audience: [{ kind: 'applicant' }] },
    ]);
  });

  it('given a bureau head, when approving at the second level, should accept: the head may sign the decision (§3.1)', () => {
    const s = atSecondReview();
    expect(refusal(s, approve, { actor: BUREAU_HEAD, opinion: '同意' }, at(3))).toBeNull();
  });

  it('given an evaluator, when approving a file, should refuse: not bureau staff', () => {
    const s = atSecondReview();
    const evaluator = { id: 'u-eval', name: '赵专家', role: 'evaluator' as const };
    expect(refusal(s, approve, { actor: evaluator, opinion: '同意' }, at(3))?.type).toBe(
      'Forbidden',
    );
  });
});

describe('review: return for correction', () => {
  it('given the second review, when B returns the file, should pause the decision clock and start the response clock', () => {
    const s = returnedAtSecondReview();
    expect(s.status).toBe('returned');
    expect(s.returnedFrom).toBe('second_review');
    expect(s.decisionClock?.pauses).toEqual([{ from: at(10), reason: '等待申请人补正材料' }]);
    expect(dueOf(s, 'decisionClock')).toBeNull();
    expect(s.responseClock?.startedAt).toBe(at(10));
    expect(s.notices.at(-1)).toMatchObject({
      no: 1,
      kind: 'review',
      items: [CHARTER_ITEM],
      note: '章程草案须补充',
    });
  });

  it('given a file returned at T+10s, when resubmitted at T+25s, should resume at the second review with 15 s added to the deadline', () => {
    const s = returnedAtSecondReview();
    // Accepted at T+1s with 60 s: due T+61s; paused from T+10s to T+25s: due T+76s.
    act(s, resubmit, nextText(s), at(25));
    expect(s.status).toBe('second_review');
    expect(s.decisionClock?.pauses).toEqual([
      { from: at(10), to: at(25), reason: '等待申请人补正材料' },
    ]);
    expect(dueOf(s, 'decisionClock')).toBe(at(76));
    expect(s.responseClock).toBeNull();
    expect(s.applicationVersion).toBe(2);
    expect(s.assignee).toEqual(REVIEWER_B);
    expect(s.notices.at(-1)?.answeredAt).toBe(iso(at(25)));
  });

  it('given a file returned at the second review and resubmitted, when the first reviewer acts, should still refuse as FourEyes', () => {
    const s = returnedAtSecondReview();
    act(s, resubmit, nextText(s), at(25));
    expect(refusal(s, approve, { actor: REVIEWER_A, opinion: '同意' }, at(26))?.type).toBe(
      'FourEyes',
    );
  });

  it('given a file returned at the first review, when resubmitted, should resume at the first review', () => {
    const s = accepted();
    act(
      s,
      returnForCorrection,
      { actor: REVIEWER_A, items: [CHARTER_ITEM], reason: '补正' },
      at(5),
    );
    act(s, resubmit, nextText(s), at(9));
    expect(s.status).toBe('first_review');
    expect(dueOf(s, 'decisionClock')).toBe(at(65));
  });

  it('given no items, when returning a file, should refuse as invalid input', () => {
    const s = accepted();
    expect(
      refusal(s, returnForCorrection, { actor: REVIEWER_A, items: [], reason: '补正' }, at(2))
        ?.type,
    ).toBe('InvalidInput');
  });

  it('given a returned file, when the applicant skips a version number, should refuse and say which is expected', () => {
    const s = returnedAtSecondReview();
    expect(refusal(s, resubmit, { ...nextText(s), version: 3 }, at(11))).toEqual({
      type: 'IllegalTransition',
      message: '材料版本应为2，收到3',
    });
  });

  it('given a returned file, when the applicant changes the legal form, should refuse', () => {
    const s = returnedAtSecondReview();
    const args = nextText(s, (a) => {
      a.legalForm = 'private_non_enterprise';
    });
    expect(refusal(s, resubmit, args, at(11))?.type).toBe('IllegalTransition');
  });

  it('given a returned file, when a reviewer resubmits for the applicant, should refuse', () => {
    const s = returnedAtSecondReview();
    expect(refusal(s, resubmit, { ...nextText(s), actor: REVIEWER_B }, at(11))?.type).toBe(
      'Forbidden',
    );
  });

  it('given a file under review, when the applicant resubmits unasked, should refuse', () => {
    const s = accepted();
    expect(refusal(s, resubmit, nextText(s), at(2))?.type).toBe('IllegalTransition');
  });
});

describe('review: expert review (行政许可法 art. 45)', () => {
  const start = { actor: REVIEWER_A, reason: '业务范围涉及专业判断', expectedWorkingDays: 5 };

  it('given the first review, when an expert review starts, should pause the decision clock and tell the applicant in writing', () => {
    const s = accepted();
    const effects = act(s, startExpertReview, start, at(11));
    expect(s.expertReview).toEqual({
      since: at(11),
      reason: '业务范围涉及专业判断',
      expectedWorkingDays: 5,
    });
    expect(s.decisionClock?.pauses).toEqual([
      { from: at(11), reason: '专家评审：业务范围涉及专业判断' },
    ]);
    expect(effects).toEqual([
      { kind: 'document', document: 'expert_review_notice' },
      { kind: 'notify', template: 'expert_review_started', audience: [{ kind: 'applicant' }] },
    ]);
  });

  it('given an expert review under way, when the reviewer approves, rejects or returns, should refuse every one', () => {
    const s = accepted();
    act(s, startExpertReview, start, at(11));
    const blocked = [
      refusal(s, approve, { actor: REVIEWER_A, opinion: '同意' }, at(12)),
      refusal(s, reject, { actor: REVIEWER_A, grounds: ['fraud'], reason: '虚假' }, at(12)),
      refusal(
        s,
        returnForCorrection,
        { actor: REVIEWER_A, items: [CHARTER_ITEM], reason: '补正' },
        at(12),
      ),
    ];
    expect(blocked).toEqual(
      Array(3).fill({ type: 'IllegalTransition', message: '专家评审尚未结束，暂不能作出审查意见' }),
    );
  });

  it('given an expert review under way, when another starts, should refuse', () => {
    const s = accepted();
    act(s, startExpertReview, start, at(11));
    expect(refusal(s, startExpertReview, start, at(12))?.type).toBe('IllegalTransition');
  });

  it('given an expert review from T+11s, when it ends at T+31s, should resume the clock 20 s later and allow a decision', () => {
    const s = accepted();
    act(s, startExpertReview, start, at(11));
    act(s, endExpertReview, { actor: REVIEWER_A, summary: '专家意见：可以登记' }, at(31));
    expect(s.expertReview).toBeNull();
    expect(dueOf(s, 'decisionClock')).toBe(at(81));
    expect(refusal(s, approve, { actor: REVIEWER_A, opinion: '同意' }, at(32))).toBeNull();
  });

  it('given no expert review, when ending one, should refuse', () => {
    const s = accepted();
    expect(refusal(s, endExpertReview, { actor: REVIEWER_A, summary: '无' }, at(2))?.type).toBe(
      'IllegalTransition',
    );
  });

  it.each([0, 61])(
    'given %i expected working days, when starting an expert review, should refuse as invalid input',
    (days) => {
      const s = accepted();
      expect(
        refusal(s, startExpertReview, { ...start, expectedWorkingDays: days }, at(2))?.type,
      ).toBe('InvalidInput');
    },
  );
});

describe('review: extension of the decision limit (行政许可法 art. 42)', () => {
  const EXTENSIBLE = policyWith({ extension: { allowed: true } });
  const ask = { actor: REVIEWER_A, reason: '需要实地核查住所' };

  it('given a rule version without extensions, when a reviewer asks for one, should refuse', () => {
    const s = accepted();
    expect(refusal(s, requestExtension, ask, at(5))).toEqual({
      type: 'IllegalTransition',
      message: '现行规则版本的审查期限由条例规定，不适用延长审查期限',
    });
  });

  it('given extensions allowed, when a reviewer asks, should wait for the bureau head', () => {
    const s = accepted(applicationFor('social_group'), EXTENSIBLE);
    const effects = act(s, requestExtension, ask, at(5));
    expect(s.extension).toEqual({
      requestedBy: REVIEWER_A,
      reason: '需要实地核查住所',
      decided: false,
      granted: false,
    });
    expect(effects).toEqual([
      {
        kind: 'notify',
        template: 'extension_requested',
        audience: [{ kind: 'role', role: 'bureau_head' }],
      },
    ]);
    expect(buildView(s, at(5)).awaiting.role).toBe('bureau_head');
  });

  it('given a pending request, when a second one is made, should refuse: only once', () => {
    const s = accepted(applicationFor('social_group'), EXTENSIBLE);
    act(s, requestExtension, ask, at(5));
    expect(refusal(s, requestExtension, ask, at(6))?.message).toContain('只能延长一次');
  });

  it('given a blank reason, when asking for an extension, should refuse as invalid input', () => {
    const s = accepted(applicationFor('social_group'), EXTENSIBLE);
    expect(refusal(s, requestExtension, { ...ask, reason: ' ' }, at(5))?.type).toBe('InvalidInput');
  });

  it('given a pending request, when a section head decides it, should refuse: the bureau head decides', () => {
    const s = accepted(applicationFor('social_group'), EXTENSIBLE);
    act(s, requestExtension, ask, at(5));
    expect(
      refusal(s, decideExtension, { actor: SECTION_HEAD, approve: true, reason: '同意' }, at(6))
        ?.type,
    ).toBe('Forbidden');
  });

  it('given a request by A, when A decides it as bureau head, should refuse as FourEyes', () => {
    const s = accepted(applicationFor('social_group'), EXTENSIBLE);
    act(s, requestExtension, ask, at(5));
    const self = { ...BUREAU_HEAD, id: REVIEWER_A.id };
    expect(
      refusal(s, decideExtension, { actor: self, approve: true, reason: '同意' }, at(6))?.type,
    ).toBe('FourEyes');
  });

  it('given a deadline at T+61s, when the bureau head grants 10 s, should move it to exactly T+71s', () => {
    const s = accepted(applicationFor('social_group'), EXTENSIBLE);
    expect(dueOf(s, 'decisionClock')).toBe(at(61));
    act(s, requestExtension, ask, at(5));
    const effects = act(
      s,
      decideExtension,
      { actor: BUREAU_HEAD, approve: true, reason: '同意延长' },
      at(6),
    );
    expect(dueOf(s, 'decisionClock')).toBe(at(71));
    expect(s.extension).toMatchObject({ decided: true, granted: true });
    expect(effects).toEqual([
      { kind: 'document', document: 'extension_notice' },
      {
        kind: 'notify',
        template: 'extension_decided',
        audience: [{ kind: 'applicant' }, { kind: 'account', accountId: 'u-rev-a' }],
      },
    ]);
  });

  it('given a granted extension, when asked again or decided again, should refuse both', () => {
    const s = accepted(applicationFor('social_group'), EXTENSIBLE);
    act(s, requestExtension, ask, at(5));
    act(s, decideExtension, { actor: BUREAU_HEAD, approve: true, reason: '同意' }, at(6));
    expect(refusal(s, requestExtension, ask, at(7))?.type).toBe('IllegalTransition');
    expect(
      refusal(s, decideExtension, { actor: BUREAU_HEAD, approve: true, reason: '同意' }, at(7))
        ?.message,
    ).toBe('没有待批准的延期申请');
  });

  it('given a denied extension, when decided, should leave the deadline and tell only the requester', () => {
    const s = accepted(applicationFor('social_group'), EXTENSIBLE);
    act(s, requestExtension, ask, at(5));
    const effects = act(
      s,
      decideExtension,
      { actor: BUREAU_HEAD, approve: false, reason: '不同意' },
      at(6),
    );
    expect(dueOf(s, 'decisionClock')).toBe(at(61));
    expect(effects).toEqual([
      {
        kind: 'notify',
        template: 'extension_decided',
        audience: [{ kind: 'account', accountId: 'u-rev-a' }],
      },
    ]);
  });

  it('given 5 working days from Thursday 5 March 2026, when 2 working days are granted, should move the deadline from Thursday 12 to Monday 16 March', () => {
    const wd = (amount: number) => ({ amount, unit: 'workingDays' });
    const policy = policyWith({
      limits: { decision: wd(5) },
      extension: { allowed: true, amount: wd(2) },
    });
    const s = accepted(applicationFor('social_group'), policy);
    // Fri 6 (1), Mon 9 (2), Tue 10 (3), Wed 11 (4), Thu 12 (5); then Fri 13 (6), Mon 16 (7).
    expect(dueOf(s, 'decisionClock')).toBe(Date.parse('2026-03-12T23:59:59.999+08:00'));
    act(s, requestExtension, ask, at(5));
    act(s, decideExtension, { actor: BUREAU_HEAD, approve: true, reason: '同意' }, at(6));
    expect(dueOf(s, 'decisionClock')).toBe(Date.parse('2026-03-16T23:59:59.999+08:00'));
  });
});

describe('the applicant withdraws', () => {
  const ways: [string, () => CaseState][] = [
    ['submitted', () => newCase()],
    ['correction_required', awaitingCorrection],
    ['first_review', accepted],
    ['second_review', () => atSecondReview()],
    ['returned', returnedAtSecondReview],
    ['preparing', preparing],
  ];

  it.each(ways)(
    'given a case in %s, when the applicant withdraws, should end it as withdrawn',
    (status, build) => {
      const s = build();
      expect(s.status).toBe(status);
      act(s, withdraw, { actor: APPLICANT, reason: '发起人决定暂缓' }, at(40));
      expect(s.status).toBe('withdrawn');
      expect(s.decision).toMatchObject({
        outcome: 'withdrawn',
        reason: '发起人决定暂缓',
        legalBasis: LEGAL_BASIS.withdrawal,
      });
    },
  );

  const decided: [string, (s: CaseState) => void][] = [
    ['approved', (s) => act(s, approve, { actor: REVIEWER_B, opinion: '准予' }, at(3))],
    [
      'rejected',
      (s) => act(s, reject, { actor: REVIEWER_B, grounds: ['fraud'], reason: '虚假' }, at(3)),
    ],
  ];

  it.each(decided)(
    'given a case %s, when the applicant withdraws, should refuse: already decided',
    (status, decide) => {
      const s = atSecondReview();
      decide(s);
      expect(s.status).toBe(status);
      const r = refusal(s, withdraw, { actor: APPLICANT, reason: '撤回' }, at(4));
      expect(r?.type).toBe('IllegalTransition');
      expect(r?.message).toContain('已作出决定');
    },
  );

  it('given a case not accepted, when the applicant withdraws, should refuse', () => {
    const s = newCase();
    act(
      s,
      refuseAcceptance,
      { actor: REVIEWER_A, reasons: ['other'], explanation: '不属许可事项' },
      at(1),
    );
    expect(refusal(s, withdraw, { actor: APPLICANT, reason: '撤回' }, at(2))?.type).toBe(
      'IllegalTransition',
    );
  });

  it('given a case under review, when a reviewer withdraws it, should refuse: only the applicant may', () => {
    expect(refusal(accepted(), withdraw, { actor: REVIEWER_A, reason: '撤回' }, at(2))?.type).toBe(
      'Forbidden',
    );
  });

  it('given a case assigned to A, when withdrawn, should tell the applicant and A', () => {
    const s = accepted();
    const effects = act(s, withdraw, { actor: APPLICANT, reason: '撤回' }, at(2));
    expect(effects).toEqual([
      { kind: 'notify', template: 'withdrawn', audience: [{ kind: 'applicant' }] },
      {
        kind: 'notify',
        template: 'withdrawn',
        audience: [{ kind: 'account', accountId: 'u-rev-a' }],
      },
    ]);
    expect(s.assignee).toBeNull();
  });
});

describe('the 1998 text: preparation, then founding (DOMAIN.md §1.2)', () => {
  it('given preparation on for a social group, when the second level approves, should approve the preparation stage only', () => {
    const s = atSecondReview(applicationFor('social_group'), PREPARATION_1998);
    const effects = act(s, approve, { actor: REVIEWER_B, opinion: '同意筹备' }, at(3));
    expect(s.status).toBe('preparing');
    expect(s.phase).toBe('preparation');
    expect(s.decision).toBeNull();
    expect(s.decisionClock).toBeNull();
    expect(s.prepClock).toEqual({
      startedAt: at(3),
      limit: { amount: 20, unit: 'seconds' },
      pauses: [],
      extensions: [],
    });
    expect(s.trail.at(-1)).toMatchObject({
      action: 'preparation_approved',
      from: 'second_review',
      to: 'preparing',
    });
    expect(effects).toEqual([
      { kind: 'document', document: 'preparation_approval' },
      { kind: 'notify', template: 'preparation_approved', audience: [{ kind: 'applicant' }] },
    ]);
  });

  it.each([
    ['a foundation under the 1998 text', applicationFor('foundation'), PREPARATION_1998],
    [
      'a social group with preparation off',
      applicationFor('social_group'),
      policyWith({ ruleVersion: '1998' }),
    ],
    [
      'a social group under the 2016 text',
      applicationFor('social_group'),
      policyWith({ preparation: { enabled: true } }),
    ],
  ])('given %s, when the second level approves, should register directly', (_, app, policy) => {
    const s = atSecondReview(app, policy);
    act(s, approve, { actor: REVIEWER_B, opinion: '准予' }, at(3));
    expect(s.status).toBe('approved');
  });

  it('given a group preparing since T+3s, when it applies for founding at T+10s, should start a founding review with its own 30 s limit', () => {
    const s = preparing();
    const effects = act(s, submitFounding, nextText(s), at(10));
    expect(s.status).toBe('first_review');
    expect(s.phase).toBe('founding');
    expect(s.decisionClock).toEqual({
      startedAt: at(10),
      limit: { amount: 30, unit: 'seconds' },
      pauses: [],
      extensions: [],
    });
    expect(s.prepClock).toBeNull();
    expect(s.firstReviewer).toBeNull();
    expect(s.recommendation).toBeNull();
    expect(effects[0]).toEqual({ kind: 'check' });
  });

  it('given a founding review, when two reviewers approve in turn, should register the group (no second preparation)', () => {
    const s = preparing();
    act(s, submitFounding, nextText(s), at(10));
    act(s, claim, { actor: REVIEWER_C }, at(11));
    act(s, approve, { actor: REVIEWER_C, opinion: '成立大会已召开' }, at(12));
    expect(refusal(s, approve, { actor: REVIEWER_C, opinion: '同意' }, at(13))?.type).toBe(
      'FourEyes',
    );
    act(s, approve, { actor: REVIEWER_A, opinion: '准予成立登记' }, at(13));
    expect(s.status).toBe('approved');
    expect(s.decision?.outcome).toBe('approved');
  });

  it('given a case under review, when the applicant applies for founding, should refuse', () => {
    const s = accepted();
    expect(refusal(s, submitFounding, nextText(s), at(2))?.type).toBe('IllegalTransition');
  });

  it('given a preparing group, when a reviewer applies for founding, should refuse', () => {
    const s = preparing();
    expect(refusal(s, submitFounding, { ...nextText(s), actor: REVIEWER_A }, at(4))?.type).toBe(
      'Forbidden',
    );
  });

  it('given a 20 s preparation window from T+3s, when staff extend it by 5 s, should end at T+28s and refuse a second extension', () => {
    const s = preparing();
    expect(dueOf(s, 'prepClock')).toBe(at(23));
    act(s, extendPreparation, { actor: REVIEWER_A, reason: '成立大会延期' }, at(5));
    expect(dueOf(s, 'prepClock')).toBe(at(28));
    expect(
      refusal(s, extendPreparation, { actor: REVIEWER_A, reason: '再延' }, at(6))?.message,
    ).toBe('筹备期限只能延长一次');
  });

  it('given a preparing group, when the applicant extends the window, should refuse', () => {
    const s = preparing();
    expect(refusal(s, extendPreparation, { actor: APPLICANT, reason: '延期' }, at(5))?.type).toBe(
      'Forbidden',
    );
  });

  it('given a preparation window ending at T+23s, when it passes, should remind at T+20s, then lapse and bar a new application for 100 s', () => {
    const s = preparing();
    const reminder = fireNext(s, at(20));
    expect(reminder.at).toBe(at(20));
    expect(reminder.effects).toEqual([
      {
        kind: 'notify',
        template: 'deadline_reminder',
        audience: [{ kind: 'applicant' }],
        extra: { deadline: 'preparation' },
      },
    ]);
    const lapse = fireNext(s, at(23));
    expect(lapse.at).toBe(at(23));
    expect(s.status).toBe('lapsed');
    expect(s.decision?.outcome).toBe('lapsed');
    expect(lapse.effects).toContainEqual({ kind: 'bar', until: at(123) });
  });
});

describe('timers (seconds-based limits)', () => {
  it('given a file received at T, when nothing happens, should remind at T+7s and then deem it accepted at T+10s', () => {
    const s = newCase();
    expect(nextTimer(s)).toMatchObject({ key: `intake-registration-${T0}-0-reminder`, at: at(7) });
    const reminder = fireNext(s, at(7));
    expect(reminder.effects).toEqual([
      {
        kind: 'notify',
        template: 'deadline_reminder',
        audience: [
          { kind: 'role', role: 'reviewer' },
          { kind: 'role', role: 'section_head' },
        ],
        extra: { deadline: 'intake' },
      },
    ]);
    expect(nextTimer(s)).toMatchObject({ key: `intake-registration-${T0}-0-deadline`, at: at(10) });
  });

  it('given the intake limit missed, when the deadline fires at T+12s, should deem the file accepted as of receipt by the system', () => {
    const s = newCase();
    s.firedTimers.push(nextTimer(s)!.key);
    const { effects } = fireNext(s, at(12));
    expect(s.status).toBe('first_review');
    expect(s.accepted).toEqual({ at: T0, by: null, deemed: true, receiptNo: null });
    expect(s.decisionClock?.startedAt).toBe(T0);
    expect(s.assignee).toBeNull();
    expect(s.trail.at(-1)).toEqual({
      seq: 1,
      at: iso(at(12)),
      actor: { id: null, name: '系统', role: 'system' },
      action: 'deemed_accepted',
      from: 'submitted',
      to: 'first_review',
      ruleVersion: '钟楼区2014（2016年条例文本）',
      legalBasis: LEGAL_BASIS.deemedAcceptance,
      details: { acceptedAt: iso(T0) },
    });
    expect(effects).toEqual([
      { kind: 'loadRules', at: T0 },
      { kind: 'receipt' },
      { kind: 'document', document: 'acceptance_receipt' },
      { kind: 'notify', template: 'deemed_accepted', audience: [{ kind: 'applicant' }] },
      {
        kind: 'notify',
        template: 'deadline_escalated',
        audience: [{ kind: 'role', role: 'section_head' }],
      },
    ]);
    const view = buildView(s, at(12));
    expect(view.acceptedAt).toBe(iso(T0));
    expect(view.deemedAccepted).toBe(true);
  });

  it('given a file missing a document, when the intake limit is missed, should still be deemed accepted (the law does not wait)', () => {
    const s = newCase(applicationFor('social_group', ['member_list']));
    fireNext(s, at(7));
    fireNext(s, at(10));
    expect(s.status).toBe('first_review');
    expect(s.accepted?.deemed).toBe(true);
  });

  it('given a resubmission at T+5s, when the next timer is asked for, should restart the 10 s intake limit from the resubmission', () => {
    const s = awaitingCorrection();
    act(
      s,
      resubmit,
      nextText(s, (a) => a.documents.push(MEMBER_LIST)),
      at(5),
    );
    expect(nextTimer(s)).toMatchObject({
      key: `intake-registration-${at(5)}-0-reminder`,
      at: at(12),
    });
    expect(s.receivedAt).toBe(at(5));
  });

  it('given a deficiency notice at T+1s, when the applicant stays silent, should remind at T+28s and lapse the file at T+31s', () => {
    const s = awaitingCorrection();
    const reminder = fireNext(s, at(28));
    expect(reminder.at).toBe(at(28));
    expect(reminder.effects[0]).toMatchObject({
      template: 'deadline_reminder',
      audience: [{ kind: 'applicant' }],
    });
    const lapse = fireNext(s, at(31));
    expect(lapse.at).toBe(at(31));
    expect(s.status).toBe('lapsed');
    expect(s.decision).toMatchObject({
      outcome: 'lapsed',
      by: { id: null, name: '系统', role: 'system' },
      reason: '逾期未补正材料，视为撤回申请',
    });
    expect(lapse.effects).toEqual([
      { kind: 'notify', template: 'lapsed', audience: [{ kind: 'applicant' }] },
    ]);
  });

  it('given acceptance at T+1s, when the decision limit passes, should remind A at T+58s and escalate once at T+61s', () => {
    const s = accepted();
    const reminder = fireNext(s, at(58));
    expect(reminder.at).toBe(at(58));
    expect(reminder.effects).toEqual([
      {
        kind: 'notify',
        template: 'deadline_reminder',
        audience: [{ kind: 'account', accountId: 'u-rev-a' }],
        extra: { deadline: 'decision' },
      },
    ]);
    const escalation = fireNext(s, at(61));
    expect(escalation.at).toBe(at(61));
    expect(s.status).toBe('first_review');
    expect(s.overdue).toBe(true);
    expect(s.trail.at(-1)).toMatchObject({
      action: 'escalated_statutory',
      actor: { id: null, role: 'system' },
      from: 'first_review',
      to: 'first_review',
    });
    expect(escalation.effects).toEqual([
      {
        kind: 'notify',
        template: 'deadline_escalated',
        audience: [
          { kind: 'role', role: 'section_head' },
          { kind: 'account', accountId: 'u-rev-a' },
        ],
        extra: { deadline: 'decision' },
      },
    ]);
    expect(nextTimer(s)).toBeUndefined();
    expect(buildView(s, at(62)).overdue).toBe(true);
  });

  it('given a promised limit of 40 s and the statutory 60 s, when listing timers, should order promise reminder, promise, statute reminder, statute', () => {
    const s = accepted(
      applicationFor('social_group'),
      policyWith({ limits: { promised: { amount: 40, unit: 'seconds' } } }),
    );
    expect(
      caseTimers(s)
        .sort((a, b) => a.at - b.at)
        .map((t) => [t.key.split('-')[0], t.key.split('-').at(-1), t.at]),
    ).toEqual([
      ['promised', 'reminder', at(38)],
      ['promised', 'deadline', at(41)],
      ['decision', 'reminder', at(58)],
      ['decision', 'deadline', at(61)],
    ]);
  });

  it('given the promised limit passed, when it fires, should escalate without marking the file overdue', () => {
    const s = accepted(
      applicationFor('social_group'),
      policyWith({ limits: { promised: { amount: 40, unit: 'seconds' } } }),
    );
    fireNext(s, at(38));
    fireNext(s, at(41));
    expect(s.trail.at(-1)?.action).toBe('escalated_promised');
    expect(s.overdue).toBe(false);
  });

  it('given an expert review under way, when the next timer is asked for, should have none (the clock is paused)', () => {
    const s = accepted();
    act(
      s,
      startExpertReview,
      { actor: REVIEWER_A, reason: '专家论证', expectedWorkingDays: 3 },
      at(5),
    );
    expect(nextTimer(s)).toBeUndefined();
  });

  it('given a granted extension, when the next timers are listed, should use a new key and the new deadline', () => {
    const s = accepted(
      applicationFor('social_group'),
      policyWith({ extension: { allowed: true } }),
    );
    act(s, requestExtension, { actor: REVIEWER_A, reason: '核查' }, at(5));
    act(s, decideExtension, { actor: BUREAU_HEAD, approve: true, reason: '同意' }, at(6));
    expect(caseTimers(s).map((t) => [t.key, t.at])).toEqual([
      [`decision-registration-${at(1)}-1-reminder`, at(68)],
      [`decision-registration-${at(1)}-1-deadline`, at(71)],
    ]);
  });
});

describe('the audit trail', () => {
  it('given acceptance and two approvals, when the trail is read, should hold actor, role, from, to, basis and rule version of each step', () => {
    const s = atSecondReview();
    act(s, approve, { actor: REVIEWER_B, opinion: '准予登记' }, at(3));
    const version = '钟楼区2014（2016年条例文本）';
    expect(s.trail).toEqual([
      {
        seq: 1,
        at: iso(at(1)),
        actor: { id: 'u-rev-a', name: '李审查', role: 'reviewer' },
        action: 'accepted',
        from: 'submitted',
        to: 'first_review',
        ruleVersion: version,
        legalBasis: LEGAL_BASIS.acceptance,
        details: { acceptedAt: iso(at(1)) },
      },
      {
        seq: 2,
        at: iso(at(2)),
        actor: { id: 'u-rev-a', name: '李审查', role: 'reviewer' },
        action: 'first_review_approved',
        from: 'first_review',
        to: 'second_review',
        ruleVersion: version,
        reason: '材料齐全，符合登记条件',
        legalBasis: '《社会团体登记管理条例》第十二条',
      },
      {
        seq: 3,
        at: iso(at(3)),
        actor: { id: 'u-rev-b', name: '赵审查', role: 'reviewer' },
        action: 'approved',
        from: 'second_review',
        to: 'approved',
        ruleVersion: version,
        reason: '准予登记',
        legalBasis: '《社会团体登记管理条例》第十二条',
      },
    ]);
  });

  it('given a long case, when the trail is read, should give every step that bears on the applicant a legal basis', () => {
    const s = awaitingCorrection();
    act(
      s,
      resubmit,
      nextText(s, (a) => a.documents.push(MEMBER_LIST)),
      at(5),
    );
    act(s, accept, { actor: REVIEWER_A }, at(6));
    act(s, startExpertReview, { actor: REVIEWER_A, reason: '论证', expectedWorkingDays: 2 }, at(7));
    act(s, endExpertReview, { actor: REVIEWER_A, summary: '可以' }, at(8));
    act(
      s,
      returnForCorrection,
      { actor: REVIEWER_A, items: [CHARTER_ITEM], reason: '补正' },
      at(9),
    );
    act(s, resubmit, nextText(s), at(10));
    act(
      s,
      reject,
      { actor: REVIEWER_A, grounds: ['unlawful_purpose'], reason: '宗旨违法' },
      at(11),
    );
    act(
      s,
      reject,
      { actor: REVIEWER_B, grounds: ['unlawful_purpose'], reason: '宗旨违法' },
      at(12),
    );
    const bearing = new Set([
      'deficiency_notice',
      'accepted',
      'expert_review_started',
      'expert_review_ended',
      'returned_for_correction',
      'first_review_rejected',
      'rejected',
    ]);
    const steps = s.trail.filter((e) => bearing.has(e.action));
    expect(steps.map((e) => e.action)).toEqual([...bearing]);
    for (const e of steps) expect(e.legalBasis).toMatch(/^《.+》第.+条/);
    expect(s.trail.map((e) => e.seq)).toEqual(s.trail.map((_, i) => i + 1));
    for (const e of s.trail) expect(e.ruleVersion).toBe('钟楼区2014（2016年条例文本）');
  });
});

describe('buildView', () => {
  it('given a file just received in working days, when viewed, should show the intake deadline at the end of the fifth working day', () => {
    const s = newCase(
      applicationFor('social_group'),
      policyWith({ limits: { intakeNotice: { amount: 5, unit: 'workingDays' } } }),
    );
    expect(buildView(s, at(60)).deadlines).toEqual([
      {
        kind: 'intake',
        label: '受理审查（一次性告知）期限',
        limit: '5个工作日',
        dueAt: '2026-03-12T15:59:59.999Z',
        state: 'running',
        provisional: false,
        missingYears: [],
      },
    ]);
  });

  it('given a file received on 31 December 2026, when viewed, should mark the deadline provisional and warn that 2027 is not loaded', () => {
    const s = newCase(
      applicationFor('social_group'),
      policyWith({ limits: { intakeNotice: { amount: 5, unit: 'workingDays' } } }),
      Date.parse('2026-12-31T10:00:00+08:00'),
    );
    const view = buildView(s, Date.parse('2026-12-31T11:00:00+08:00'));
    // Without a 2027 calendar: Fri Jan 1 (1), Mon–Thu Jan 4–7 (2–5).
    expect(view.deadlines[0]).toMatchObject({
      dueAt: '2027-01-07T15:59:59.999Z',
      provisional: true,
      missingYears: [2027],
    });
    expect(view.warnings).toEqual([
      '2027年节假日安排尚未载入，相关期限按周一至周五暂算，请管理员载入后自动重算',
    ]);
  });

  it('given a submitted file, when viewed after its intake deadline, should report the deadline overdue and the intake actions', () => {
    const view = buildView(newCase(), at(11));
    expect(view.deadlines.map((d) => [d.kind, d.dueAt, d.state])).toEqual([
      ['intake', iso(at(10)), 'overdue'],
    ]);
    expect(view.allowedActions).toEqual([
      'issueDeficiencyNotice',
      'accept',
      'refuseAcceptance',
      'withdraw',
    ]);
    expect(view.awaiting.role).toBe('reviewer');
  });

  it('given an expert review under way, when viewed, should show the decision deadline paused and the open pause', () => {
    const s = accepted();
    act(s, startExpertReview, { actor: REVIEWER_A, reason: '论证', expectedWorkingDays: 2 }, at(5));
    const view = buildView(s, at(6));
    expect(view.deadlines).toEqual([
      expect.objectContaining({ kind: 'decision', dueAt: null, state: 'paused' }),
    ]);
    expect(view.pauses).toEqual([{ from: iso(at(5)), to: null, reason: '专家评审：论证' }]);
    expect(view.expertReview).toEqual({
      since: iso(at(5)),
      reason: '论证',
      expectedWorkingDays: 2,
    });
  });

  it('given a returned file, when viewed, should await the applicant with the response running and the decision paused', () => {
    const view = buildView(returnedAtSecondReview(), at(11));
    expect(view.deadlines.map((d) => [d.kind, d.dueAt, d.state])).toEqual([
      ['response', iso(at(40)), 'running'],
      ['decision', null, 'paused'],
    ]);
    expect(view.allowedActions).toEqual(['resubmit', 'withdraw']);
    expect(view.awaiting.role).toBe('applicant');
  });

  it('given the second review, when viewed, should offer the review actions and exclude the first reviewer', () => {
    const view = buildView(atSecondReview(), at(3));
    expect(view.allowedActions).toEqual([
      'claim',
      'assign',
      'approve',
      'reject',
      'returnForCorrection',
      'requestExtension',
      'decideExtension',
      'startExpertReview',
      'endExpertReview',
      'withdraw',
    ]);
    expect(view.awaiting.excludedActorIds).toEqual(['u-rev-a']);
    expect(view.recommendation).toEqual({
      outcome: 'approve',
      grounds: [],
      by: { id: 'u-rev-a', name: '李审查', role: 'reviewer' },
    });
  });

  it('given a preparing group, when viewed, should show the preparation deadline and the founding actions', () => {
    const view = buildView(preparing(), at(4));
    expect(view.deadlines.map((d) => [d.kind, d.limit, d.dueAt])).toEqual([
      ['preparation', '20秒', iso(at(23))],
    ]);
    expect(view.allowedActions).toEqual(['submitFounding', 'extendPreparation', 'withdraw']);
  });

  it('given an approved file, when viewed, should have no deadlines and no actions left', () => {
    const s = atSecondReview();
    act(s, approve, { actor: REVIEWER_B, opinion: '准予' }, at(3));
    const view = buildView(s, at(4));
    expect(view.deadlines).toEqual([]);
    expect(view.allowedActions).toEqual([]);
    expect(view.awaiting.role).toBeNull();
  });
});

describe('offers: the decisions open to a person now (the same checks as the validators)', () => {
  const TABLE = Object.entries({
    issueDeficiencyNotice,
    accept,
    refuseAcceptance,
    resubmit,
    withdraw,
    claim,
    assign,
    approve,
    reject,
    returnForCorrection,
    requestExtension,
    decideExtension,
    startExpertReview,
    endExpertReview,
    extendPreparation,
    submitFounding,
  }).map(([name, def]) => [{ name }, def] as const);
  const offered = (s: CaseState, actor: object) =>
    offeredTo(
      actionOffers(TABLE, s, () => at(5)),
      actor,
    ).map((o) => o.name);

  it('given a filed application, then staff are offered the intake decisions and the applicant withdrawal', () => {
    const s = newCase(applicationFor('social_group'));
    expect(offered(s, REVIEWER_A)).toEqual(['issueDeficiencyNotice', 'accept', 'refuseAcceptance']);
    expect(offered(s, APPLICANT)).toEqual(['withdraw']);
  });

  it('given an accepted file claimed by its acceptor, then 承办本件 is offered to nobody and the others may not decide', () => {
    const s = accepted();
    expect(offered(s, REVIEWER_A)).not.toContain('claim');
    expect(offered(s, REVIEWER_A)).toEqual(
      expect.arrayContaining(['approve', 'reject', 'returnForCorrection', 'startExpertReview']),
    );
    expect(offered(s, REVIEWER_B)).toEqual([]);
    expect(offered(s, SECTION_HEAD)).toEqual(expect.arrayContaining(['assign', 'approve']));
  });

  it('given an expert review under way, then 专家评审结束 is offered and no decision until it ends', () => {
    const s = accepted();
    act(s, startExpertReview, { actor: REVIEWER_A, reason: '论证', expectedWorkingDays: 5 }, at(2));
    expect(offered(s, REVIEWER_A)).toContain('endExpertReview');
    expect(offered(s, REVIEWER_A)).not.toContain('approve');
  });

  it('given the second level, then the first-level reviewer is offered nothing and another reviewer may claim it', () => {
    const s = atSecondReview();
    expect(offered(s, REVIEWER_A)).toEqual([]);
    expect(offered(s, REVIEWER_B)).toEqual(expect.arrayContaining(['claim', 'approve']));
  });

  it('given a returned file, then the applicant is offered the corrected text and withdrawal', () => {
    expect(offered(returnedAtSecondReview(), APPLICANT)).toEqual(['resubmit', 'withdraw']);
  });
});
