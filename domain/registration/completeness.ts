import { canonicalJson } from '../canonical-json';
import { checkNameRules } from '../name-rules';
import type { Application } from './application';
import { DOCUMENT_LABEL, requiredDocuments } from './documents';
import type { RegistrationPolicy } from './policy';

/**
 * What a deficiency notice (一次性告知, 行政许可法 art. 32) can list. `target` names the part of
 * the application an item is about, so that a second notice can be limited to the parts the
 * resubmission changed.
 */
export interface DeficiencyItem {
  code: string;
  /** `document:<type>` or `field:<path>`. */
  target: string;
  title: string;
  description: string;
  legalBasis: string;
}

const SG = '《社会团体登记管理条例》';
const PNE = '《民办非企业单位登记管理暂行条例》';
const FDN = '《基金会管理条例》';

type Check = (app: Application, policy: RegistrationPolicy) => DeficiencyItem[];

const item = (
  code: string,
  target: string,
  title: string,
  description: string,
  legalBasis: string,
): DeficiencyItem => ({ code, target, title, description, legalBasis });

const documents: Check = (app) => {
  const present = new Set(app.documents.map((d) => d.type));
  return requiredDocuments(app.legalForm, app.needsPriorPermit)
    .filter((r) => !present.has(r.type))
    .map((r) =>
      item(
        'DOC_MISSING',
        `document:${r.type}`,
        `缺少${DOCUMENT_LABEL[r.type]}`,
        `请提交${DOCUMENT_LABEL[r.type]}。`,
        r.legalBasis,
      ),
    );
};

const declarations: Check = (app) => {
  const d = app.declarations;
  const out: DeficiencyItem[] = [];
  if (!d.noDeprivationOfPoliticalRights || !d.fullCivilCapacity) {
    out.push(
      item(
        'PERSONS_DECLARATION',
        'field:declarations',
        '发起人、拟任负责人资格声明不完整',
        '请声明发起人、拟任负责人未受过剥夺政治权利的刑事处罚且具有完全民事行为能力。',
        `${SG}第十三条第（三）项；${PNE}第十一条第二款第（四）项`,
      ),
    );
  }
  if (!d.truthful) {
    out.push(
      item(
        'TRUTH_DECLARATION',
        'field:declarations',
        '未作材料真实性承诺',
        '请承诺所提交材料真实、合法、有效。',
        '《中华人民共和国行政许可法》第三十一条',
      ),
    );
  }
  return out;
};

const name: Check = (app, policy) =>
  checkNameRules(app.name, app.legalForm, policy.names).map((f) =>
    item(f.code, 'field:name', '名称不符合规定', f.message, f.legalBasis),
  );

const members: Check = (app, policy) => {
  if (app.legalForm !== 'social_group') return [];
  const m = app.members;
  const min = policy.minimums;
  const basis = `${SG}第十条第一款第（一）项`;
  if (!m) {
    return [
      item(
        'MEMBERS_MISSING',
        'field:members',
        '未填写会员情况',
        '请填写个人会员和单位会员数量。',
        basis,
      ),
    ];
  }
  const out: DeficiencyItem[] = [];
  const enough =
    m.units === 0
      ? m.individuals >= min.socialGroupIndividualMembers
      : m.individuals === 0
        ? m.units >= min.socialGroupUnitMembers
        : m.individuals + m.units >= min.socialGroupMixedMembers;
  if (!enough) {
    out.push(
      item(
        'MEMBERS_TOO_FEW',
        'field:members',
        '会员数量不足',
        `应有${min.socialGroupIndividualMembers}个以上个人会员或者${min.socialGroupUnitMembers}个以上单位会员；混合组成的，会员总数不得少于${min.socialGroupMixedMembers}个。现有个人会员${m.individuals}个、单位会员${m.units}个。`,
        basis,
      ),
    );
  }
  if (m.stateOrganUnits > 0) {
    out.push(
      item(
        'MEMBERS_STATE_ORGANS',
        'field:members',
        '国家机关不得作为单位会员',
        `会员中有${m.stateOrganUnits}个国家机关，请调整。`,
        `${SG}第二条第二款`,
      ),
    );
  }
  return out;
};

function fundsMinimum(
  app: Application,
  policy: RegistrationPolicy,
): { min: number; basis: string } {
  const m = policy.minimums;
  if (app.legalForm === 'social_group') {
    return { min: m.socialGroupFundsLocal, basis: `${SG}第十条第一款第（五）项` };
  }
  if (app.legalForm === 'private_non_enterprise') {
    return {
      min: m.privateNonEnterpriseFunds,
      basis: `${PNE}第八条第一款第（四）项；本地开办资金标准`,
    };
  }
  const min = {
    non_public: m.foundationFundNonPublic,
    local_public: m.foundationFundLocalPublic,
    national_public: m.foundationFundNationalPublic,
  }[app.foundationType ?? 'non_public'];
  return { min, basis: `${FDN}第八条第（二）项` };
}

const funds: Check = (app, policy) => {
  const out: DeficiencyItem[] = [];
  if (app.legalForm === 'foundation' && !app.foundationType) {
    out.push(
      item(
        'FOUNDATION_TYPE',
        'field:foundationType',
        '未选择基金会类型',
        '请选择公募或非公募基金会类型。',
        `${FDN}第三条`,
      ),
    );
  }
  const { min, basis } = fundsMinimum(app, policy);
  if (app.funds.amount < min) {
    out.push(
      item(
        'FUNDS_TOO_LOW',
        'field:funds',
        '资金数额低于法定标准',
        `应不低于人民币${min}元，申请材料为${app.funds.amount}元。`,
        basis,
      ),
    );
  }
  if (app.legalForm === 'foundation' && !app.funds.inCash) {
    out.push(
      item(
        'FUNDS_NOT_CASH',
        'field:funds',
        '原始基金须为到账货币资金',
        '请提交到账货币资金的验资证明。',
        basis,
      ),
    );
  }
  return out;
};

const premises: Check = (app, policy) => {
  const need = policy.minimums.premisesLeaseMonths;
  const p = app.premises;
  if (p.tenure === 'owned' || need === 0 || (p.leaseMonths ?? 0) >= need) return [];
  return [
    item(
      'PREMISES_TERM',
      'field:premises',
      '场所使用期限不足',
      `租赁或者无偿使用协议期限应不少于${need}个月。`,
      '住所（场所）使用权证明要求（本地规定）',
    ),
  ];
};

const board: Check = (app, policy) => {
  if (app.legalForm !== 'foundation') return [];
  const b = app.board;
  const m = policy.minimums;
  if (!b) {
    return [
      item(
        'BOARD_MISSING',
        'field:board',
        '未填写理事会情况',
        '请填写理事人数等情况。',
        `${FDN}第二十条`,
      ),
    ];
  }
  const out: DeficiencyItem[] = [];
  if (b.directors < m.foundationBoardMin || b.directors > m.foundationBoardMax) {
    out.push(
      item(
        'BOARD_SIZE',
        'field:board',
        '理事人数不符合规定',
        `理事应为${m.foundationBoardMin}人至${m.foundationBoardMax}人，现为${b.directors}人。`,
        `${FDN}第二十条第一款`,
      ),
    );
  }
  if (b.paidDirectors * 3 > b.directors) {
    out.push(
      item(
        'BOARD_PAID',
        'field:board',
        '领取报酬的理事超过三分之一',
        '请调整理事会构成。',
        `${FDN}第二十条第三款`,
      ),
    );
  }
  if (b.privatelyFunded && b.closeRelatives * 3 > b.directors) {
    out.push(
      item(
        'BOARD_RELATIVES',
        'field:board',
        '近亲属理事超过三分之一',
        '请调整理事会构成。',
        `${FDN}第二十条第二款`,
      ),
    );
  }
  // Art. 20(2), second half: outside privately funded non-public foundations, none at all.
  if (!b.privatelyFunded && b.closeRelatives > 0) {
    out.push(
      item(
        'BOARD_RELATIVES',
        'field:board',
        '具有近亲属关系的人员同时在理事会任职',
        '除用私人财产设立的非公募基金会外，具有近亲属关系的不得同时在理事会任职，请调整理事会构成。',
        `${FDN}第二十条第二款`,
      ),
    );
  }
  return out;
};

const persons: Check = (app) => {
  const out: DeficiencyItem[] = [];
  if (app.legalForm === 'social_group' && app.legalRepresentative.legalRepresentativeElsewhere) {
    out.push(
      item(
        'LEGAL_REP_ELSEWHERE',
        'field:legalRepresentative',
        '法定代表人兼任其他社会团体法定代表人',
        '社会团体的法定代表人不得同时担任其他社会团体的法定代表人。',
        `${SG}第十二条第三款`,
      ),
    );
  }
  if (app.legalForm !== 'foundation') return out;
  // Art. 23(1): the legal representative (the chair, art. 20) may not represent another
  // organisation either.
  if (app.legalRepresentative.legalRepresentativeElsewhere) {
    out.push(
      item(
        'LEGAL_REP_ELSEWHERE',
        'field:legalRepresentative',
        '法定代表人兼任其他组织法定代表人',
        '基金会的法定代表人不得同时担任其他组织的法定代表人。',
        `${FDN}第二十三条第一款`,
      ),
    );
  }
  const functionary = (target: string) =>
    item(
      'LEADER_FUNCTIONARY',
      target,
      '理事长、副理事长、秘书长由现职国家工作人员兼任',
      '基金会理事长、副理事长和秘书长不得由现职国家工作人员兼任。',
      `${FDN}第二十三条第一款`,
    );
  // The legal representative is the chair (art. 20), so the rule covers that person too.
  if (app.legalRepresentative.stateFunctionary) out.push(functionary('field:legalRepresentative'));
  if (app.responsiblePersons.some((p) => p.stateFunctionary)) {
    out.push(functionary('field:responsiblePersons'));
  }
  return out;
};

const CHECKS: Check[] = [documents, declarations, name, members, funds, premises, board, persons];

/** Everything that would have to go into the one-time notice for this application. */
export function findDeficiencies(app: Application, policy: RegistrationPolicy): DeficiencyItem[] {
  return CHECKS.flatMap((check) => check(app, policy));
}

/** Targets a resubmission touched: the only ones a second notice may raise. */
export function changedTargets(before: Application, after: Application): Set<string> {
  const changed = new Set<string>();
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  fields.delete('documents');
  const b = before as unknown as Record<string, unknown>;
  const a = after as unknown as Record<string, unknown>;
  for (const f of fields) {
    if (canonicalJson(b[f]) !== canonicalJson(a[f])) changed.add(`field:${f}`);
  }
  const docs = (app: Application) =>
    new Map(
      app.documents.map((d) => [
        d.type,
        app.documents
          .filter((x) => x.type === d.type)
          .map((x) => x.fileId)
          .sort()
          .join(),
      ]),
    );
  const db = docs(before);
  const da = docs(after);
  for (const t of new Set([...db.keys(), ...da.keys()])) {
    if (db.get(t) !== da.get(t)) changed.add(`document:${t}`);
  }
  return changed;
}
