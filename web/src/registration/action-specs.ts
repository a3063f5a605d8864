import type { DeficiencyItem } from '../../../domain/registration/completeness';
import type { RegistrationView } from '../types';

/**
 * The decisions the workflow offers now (its allowedActions), each in a dialog asking for its
 * reason. The workflow has the last word: a refusal (409) is shown with its reason.
 */
export interface ActionSpec {
  path: string;
  label: (v: RegistrationView) => string;
  roles: string[];
  tone?: 'primary' | 'danger';
  form:
    | 'confirm'
    | 'opinion'
    | 'reason'
    | 'items'
    | 'reject'
    | 'refuse'
    | 'extension'
    | 'expert'
    | 'expertEnd'
    | 'assign';
  prompt?: string;
}

const STAFF = ['reviewer', 'section_head', 'bureau_head'];

export const ACTION_SPECS: Record<string, ActionSpec> = {
  issueDeficiencyNotice: {
    path: 'deficiency-notice',
    label: () => '出具一次性补正通知',
    roles: STAFF,
    form: 'items',
  },
  accept: {
    path: 'accept',
    label: () => '受理',
    roles: STAFF,
    tone: 'primary',
    form: 'confirm',
    prompt: '材料齐全、符合法定形式，出具受理通知书。',
  },
  refuseAcceptance: {
    path: 'refuse-acceptance',
    label: () => '不予受理',
    roles: STAFF,
    tone: 'danger',
    form: 'refuse',
  },
  claim: {
    path: 'claim',
    label: () => '承办本件',
    roles: STAFF,
    form: 'confirm',
    prompt: '由您承办本级审查。',
  },
  assign: { path: 'assign', label: () => '分配承办人', roles: ['section_head'], form: 'assign' },
  approve: {
    path: 'approve',
    label: (v) => (v.status === 'second_review' ? '复审通过，准予登记' : '初审通过（拟准予登记）'),
    roles: STAFF,
    tone: 'primary',
    form: 'opinion',
  },
  returnForCorrection: { path: 'return', label: () => '退回补正', roles: STAFF, form: 'items' },
  reject: {
    path: 'reject',
    label: (v) => (v.status === 'second_review' ? '不予登记' : '初审意见：拟不予登记'),
    roles: STAFF,
    tone: 'danger',
    form: 'reject',
  },
  requestExtension: {
    path: 'extension-request',
    label: () => '申请延长审查期限',
    roles: STAFF,
    form: 'reason',
  },
  decideExtension: {
    path: 'extension-decision',
    label: () => '批示延期申请',
    roles: ['bureau_head'],
    form: 'extension',
  },
  startExpertReview: {
    path: 'expert-review/start',
    label: () => '组织专家评审',
    roles: STAFF,
    form: 'expert',
  },
  endExpertReview: {
    path: 'expert-review/end',
    label: () => '专家评审结束',
    roles: STAFF,
    form: 'expertEnd',
  },
  extendPreparation: {
    path: 'preparation/extend',
    label: () => '延长筹备期限',
    roles: STAFF,
    form: 'reason',
  },
  withdraw: {
    path: 'withdraw',
    label: () => '撤回申请',
    roles: ['applicant'],
    tone: 'danger',
    form: 'reason',
    prompt: '撤回后本件办结，如需登记须重新申请。',
  },
};

/** What a decision's dialog has gathered, whatever its form. */
export interface Answers {
  text: string;
  choices: string[];
  items: DeficiencyItem[];
  days: number;
  approve: boolean;
  assignee: string;
}

/** The request body of a decision, from what its dialog gathered. */
export function bodyOf(spec: ActionSpec, a: Answers): object {
  switch (spec.form) {
    case 'confirm':
      return {};
    case 'opinion':
      return { opinion: a.text };
    case 'reason':
      return { reason: a.text };
    case 'items':
      return spec.path === 'return'
        ? { items: a.items, reason: a.text }
        : { items: a.items, ...(a.text.trim() ? { note: a.text } : {}) };
    case 'reject':
      return { grounds: a.choices, reason: a.text };
    case 'refuse':
      return { reasons: a.choices, explanation: a.text };
    case 'extension':
      return { approve: a.approve, reason: a.text };
    case 'expert':
      return { reason: a.text, expectedWorkingDays: a.days };
    case 'expertEnd':
      return { summary: a.text };
    case 'assign':
      return { assigneeId: a.assignee };
  }
}

/** The label of a decision's free text, if it asks for one. */
export function textLabelOf(spec: ActionSpec): string | null {
  const labels: Record<ActionSpec['form'], string | null> = {
    confirm: null,
    opinion: '审查意见',
    reason: '理由',
    items: spec.path === 'return' ? '退回理由' : '说明（可不填）',
    reject: '具体理由',
    refuse: '不予受理的具体理由',
    extension: '批示意见',
    expert: '专家评审事由',
    expertEnd: '评审结论',
    assign: null,
  };
  return labels[spec.form];
}
