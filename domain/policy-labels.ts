import { BUDGET_KIND_LABEL, PURPOSE_LABEL } from './competition/policy';
import { PENALTY_KINDS } from './organization/profile';
import { PURCHASER_KINDS } from './purchase/purchaser';

/**
 * The Chinese names of every policy setting, by process and path, so the rule-settings form
 * and its error messages never show a setting's code. Array elements are written `*`;
 * `indicators.<form>.*` covers every level of the indicator tree. A unit test checks that
 * every setting of every policy schema has a name here.
 */
export interface SettingMeta {
  label: string;
  hint?: string;
  /** Shown after the number: 个, 人, 月, %, 分… */
  unit?: string;
  /** An amount: typed and read in 元 with two decimals; `fen` when the policy stores fen. */
  money?: 'fen' | 'yuan';
  /** Kept as a fraction (0.3), typed as a percentage (30). */
  fraction?: true;
  /** Kept in bytes, typed and read in whole MB. */
  megabytes?: true;
  /** Chinese names of the values to choose from. */
  options?: Record<string, string>;
  /** An internal code of a list row: the form keeps or generates it and never shows it. */
  auto?: true;
  /** Ordered choice among named rules (the competition's tie-break). */
  widget?: 'tieBreak';
}

export const TIME_UNIT_LABEL: Record<string, string> = {
  workingDays: '个工作日',
  calendarDays: '日（自然日）',
  months: '个月',
  hours: '小时',
  minutes: '分钟',
  seconds: '秒',
};

const LEGAL_FORMS = {
  social_group: '社会团体',
  private_non_enterprise: '民办非企业单位',
  foundation: '基金会',
};
const LEVELS = { '1': '1A', '2': '2A', '3': '3A', '4': '4A', '5': '5A' };
const REGISTRATION: Record<string, SettingMeta> = {
  ruleVersion: {
    label: '条例文本版本',
    options: { '1998': '1998年文本（设筹备阶段）', '2016': '2016年修订文本' },
  },
  limits: { label: '办理期限' },
  'limits.intakeNotice': { label: '一次性告知期限' },
  'limits.decision': { label: '法定审查期限' },
  'limits.promised': { label: '承诺办理时限' },
  'limits.applicantResponse': { label: '申请人补正期限' },
  'limits.reminderLead': { label: '到期提醒提前量' },
  extension: { label: '延长审查期限' },
  'extension.allowed': { label: '允许延长审查期限' },
  'extension.amount': { label: '可延长期限' },
  preparation: { label: '筹备阶段（1998年文本）' },
  'preparation.enabled': { label: '设筹备阶段' },
  'preparation.window': { label: '筹备期限' },
  'preparation.extension': { label: '筹备延长期限' },
  'preparation.reapplicationBar': { label: '筹备失效后不得再申请的期限' },
  'preparation.foundingReview': { label: '成立登记审查期限' },
  minimums: { label: '最低标准' },
  'minimums.socialGroupIndividualMembers': { label: '社会团体个人会员最少数', unit: '个' },
  'minimums.socialGroupUnitMembers': { label: '社会团体单位会员最少数', unit: '个' },
  'minimums.socialGroupMixedMembers': { label: '混合组成的会员最少数', unit: '个' },
  'minimums.socialGroupFundsLocal': { label: '社会团体活动资金最低额', money: 'yuan' },
  'minimums.privateNonEnterpriseFunds': { label: '民办非企业单位开办资金最低额', money: 'yuan' },
  'minimums.foundationFundNonPublic': { label: '非公募基金会原始基金最低额', money: 'yuan' },
  'minimums.foundationFundLocalPublic': { label: '地方性公募基金会原始基金最低额', money: 'yuan' },
  'minimums.foundationFundNationalPublic': {
    label: '全国性公募基金会原始基金最低额',
    money: 'yuan',
  },
  'minimums.foundationBoardMin': { label: '基金会理事最少人数', unit: '人' },
  'minimums.foundationBoardMax': { label: '基金会理事最多人数', unit: '人' },
  'minimums.premisesLeaseMonths': { label: '场所租用最短期限', unit: '个月' },
  relaxations: { label: '放宽条件' },
  'relaxations.oneTradeMultipleAssociations': { label: '允许一业多会' },
  names: { label: '名称规则' },
  'names.forbiddenWords': { label: '名称不得冠以的字样', hint: '每行一个' },
  'names.divisionPrefixes': { label: '名称行政区划前缀', hint: '每行一个' },
  'names.formSuffixes': { label: '名称后缀' },
  'names.formSuffixes.social_group': { label: '社会团体名称后缀', hint: '每行一个' },
  'names.formSuffixes.private_non_enterprise': {
    label: '民办非企业单位名称后缀',
    hint: '每行一个',
  },
  'names.formSuffixes.foundation': { label: '基金会名称后缀', hint: '每行一个' },
  'names.maxLength': { label: '名称最大长度', unit: '字' },
  'names.forbiddenPrefixForms': { label: '不得冠以上述字样的组织形式', options: LEGAL_FORMS },
  'names.fieldTerms': {
    label: '行业、领域用语',
    hint: '每行一个；民办非企业单位和基金会名称须在其前有字号',
  },
  'names.brandMinLength': { label: '字号最少字数', unit: '字' },
  'names.similarEditDistance': {
    label: '近似名称判定的编辑距离',
    unit: '字',
    hint: '两个名称相差不超过这么多个字即视为近似',
  },
  remedies: { label: '救济途径' },
  'remedies.reconsiderationDays': { label: '申请行政复议期限', unit: '日' },
  'remedies.reconsiderationBody': { label: '行政复议机关' },
  'remedies.litigationMonths': { label: '提起行政诉讼期限', unit: '个月' },
  creditCode: { label: '统一社会信用代码' },
  'creditCode.bodyPrefix': { label: '登记管理部门码（第9、10位）', hint: '两位字母或数字' },
  'creditCode.position17': {
    label: '第17位（组织机构代码校验码）不符时',
    options: { error: '拒绝', warning: '仅提示' },
  },
  announcementChannels: { label: '公告渠道', hint: '每行一个' },
};

const PURCHASE: Record<string, SettingMeta> = {
  methods: { label: '采购方式' },
  'methods.openTenderThresholdFen': {
    label: '公开招标数额标准',
    money: 'fen',
    hint: '由省级人民政府确定；不设则不按数额要求公开招标',
  },
  'methods.minResponses': { label: '各采购方式所需最少响应数' },
  'methods.minResponses.open_tender': { label: '公开招标', unit: '家' },
  'methods.minResponses.invitational_tender': { label: '邀请招标', unit: '家' },
  'methods.minResponses.competitive_negotiation': { label: '竞争性谈判', unit: '家' },
  'methods.minResponses.competitive_consultation': { label: '竞争性磋商', unit: '家' },
  'methods.minResponses.single_source': { label: '单一来源采购', unit: '家' },
  'methods.singleSourceAddOnMaxPercent': { label: '单一来源添购不超过原合同的', unit: '%' },
  panel: { label: '评审委员会' },
  'panel.minSize': { label: '评审委员会最少人数', unit: '人' },
  'panel.tenderMinSize': { label: '招标项目评审委员会最少人数', unit: '人' },
  'methods.minResponsePeriod': { label: '公告至响应截止的最短时间' },
  'methods.minResponsePeriod.open_tender': { label: '公开招标' },
  'methods.minResponsePeriod.invitational_tender': { label: '邀请招标' },
  'methods.minResponsePeriod.competitive_negotiation': { label: '竞争性谈判' },
  'methods.minResponsePeriod.competitive_consultation': { label: '竞争性磋商' },
  'methods.minResponsePeriod.single_source': { label: '单一来源采购' },
  'contract.amendmentMaxIncreasePercent': { label: '合同变更增加金额不超过原合同的', unit: '%' },
  purchaser: { label: '购买主体' },
  'purchaser.allowedKinds': { label: '可作为购买主体的单位', options: PURCHASER_KINDS },
  bidBond: { label: '投标（响应）保证金' },
  'bidBond.maxPercent': { label: '保证金不超过预算的', unit: '%' },
  'bidBond.returnLimit': { label: '保证金退还期限' },
  eligibility: { label: '承接主体资格' },
  'eligibility.violationYears': { label: '重大违法记录的追溯年限', unit: '年' },
  'eligibility.majorPenaltyKinds': {
    label: '视为重大违法记录的处罚种类',
    options: Object.fromEntries(PENALTY_KINDS.map((k) => [k, k])),
  },
  'eligibility.refuseUnderInvestigation': { label: '正在接受调查的不得响应' },
  grade: { label: '评估等级加分' },
  'grade.scoreBonusPerLevel': { label: '每一等级加分', unit: '分' },
  'grade.bonusFromLevel': { label: '加分起始等级', options: LEVELS },
  'grade.hardGate': {
    label: '设等级门槛（不达等级不得响应）',
    hint: '财政部令第102号禁止设置歧视性条件，开启后项目页面会提示风险',
  },
  'grade.hardGateMinLevel': { label: '门槛等级', options: LEVELS },
  contract: { label: '合同' },
  'contract.normalTermMonths': { label: '合同一般期限', unit: '个月' },
  'contract.maxTermMonths': { label: '合同最长期限', unit: '个月' },
  'contract.performanceBondMaxPercent': { label: '履约保证金不超过合同金额的', unit: '%' },
  'contract.minWithheldPercent': { label: '最终绩效评价后支付的比例不少于', unit: '%' },
  'contract.signingLimit': { label: '成交通知后签订合同的期限' },
  'contract.publicationLimit': { label: '签订后公告合同的期限' },
  publicity: { label: '成交结果公示期' },
  ocds: { label: '开放合同数据（OCDS）' },
  'ocds.ocidPrefix': {
    label: 'OCDS 编号前缀',
    hint: '向开放合同伙伴关系登记的前缀，形如 ocds-ab12cd',
  },
  'ocds.publisherName': { label: '数据发布单位' },
};

const COMPETITION: Record<string, SettingMeta> = {
  budgetFen: { label: '本轮资助总额', money: 'fen' },
  fundingSource: { label: '资金来源' },
  'fundingSource.kind': {
    label: '资金类别',
    options: {
      welfare_lottery: '福利彩票公益金',
      co_funder: '联合资助方',
      donor: '社会捐赠',
      fiscal: '财政资金',
    },
  },
  'fundingSource.name': { label: '资金名称' },
  'fundingSource.purposes': { label: '资金可用于', options: PURPOSE_LABEL },
  'fundingSource.forbiddenBudgetKinds': { label: '不得列支的预算', options: BUDGET_KIND_LABEL },
  categories: { label: '项目类别' },
  'categories.*.code': { label: '类别代码', auto: true },
  'categories.*.name': { label: '类别名称' },
  'categories.*.quotaProjects': { label: '资助项目数上限', unit: '个' },
  'categories.*.quotaFen': { label: '资助金额上限', money: 'fen' },
  caps: { label: '单个项目申请上限' },
  'caps.registeredFen': { label: '已登记社会组织', money: 'fen' },
  'caps.recordedFen': { label: '备案社区社会组织', money: 'fen' },
  allowRecorded: { label: '接受备案社区社会组织申报' },
  proposalsPerOrganization: { label: '每个单位限报项目数', unit: '个' },
  coFunding: { label: '自筹配套' },
  'coFunding.minPercentOfRequest': { label: '自筹配套不少于申请金额的', unit: '%' },
  rubric: { label: '评分标准' },
  'rubric.*.key': { label: '指标代码', auto: true },
  'rubric.*.name': { label: '评分指标' },
  'rubric.*.max': { label: '满分', unit: '分' },
  passMark: { label: '及格线', unit: '分' },
  shortlistSize: { label: '入围路演项目数', unit: '个' },
  minPanelSize: { label: '评审专家最少人数', unit: '人' },
  blindReview: { label: '匿名评审（评审看不到申报单位）' },
  aggregation: { label: '评分汇总' },
  'aggregation.method': {
    label: '汇总方法',
    options: { mean: '算术平均', trimmed_mean: '去掉最高最低分后平均', z_score: '标准分' },
  },
  'aggregation.trimEach': { label: '去掉最高、最低分各', unit: '个' },
  'aggregation.outlierPoints': { label: '偏离均分超过此分数视为离群', unit: '分' },
  tieBreak: { label: '同分排序规则（依次比较）', widget: 'tieBreak' },
  publicity: { label: '资助名单公示期' },
  tranchePercents: { label: '分期拨付比例', unit: '%', hint: '各期之和须为100%' },
  midterm: { label: '中期评估' },
  'midterm.gradeA': { label: 'A 级下限', unit: '分' },
  'midterm.gradeB': { label: 'B 级下限', unit: '分' },
  finalPassMark: { label: '终期评估及格线', unit: '分' },
  excludeOtherGovernmentFunding: { label: '已获其他财政资金资助的项目不得申报' },
  inspectionExemptMonths: {
    label: '上年末前登记未满此月数的免查上年年检',
    unit: '个月',
  },
  excludePreviousWinners: { label: '上一届获资助单位不得申报' },
};

const INDICATOR: Record<string, SettingMeta> = {
  '*.code': { label: '指标代码', auto: true },
  '*.name': { label: '指标名称' },
  '*.max': { label: '分值', unit: '分' },
  '*.children': { label: '下级指标' },
};

const EVALUATION: Record<string, SettingMeta> = {
  eligibility: { label: '申报条件' },
  'eligibility.registeredYears': { label: '首次申报须登记满', unit: '个完整年度' },
  'eligibility.expiryWindowMonths': { label: '等级到期前可重新申报', unit: '个月' },
  'eligibility.upgradeAfterYears': {
    label: '持有等级满此年限可申请晋级',
    unit: '年',
    hint: '不设则不允许申请晋级',
  },
  'eligibility.cancellationBarYears': { label: '等级被取消后不得申报', unit: '年' },
  experts: { label: '评估专家' },
  'experts.perFile': { label: '每个组织的评估专家人数', unit: '人' },
  'experts.conflictLookbackYears': { label: '离开被评组织未满此年限须回避', unit: '年' },
  indicators: { label: '评估指标' },
  ...Object.fromEntries(
    Object.entries(LEGAL_FORMS).flatMap(([form, name]) => [
      [`indicators.${form}`, { label: `${name}评估指标` }],
      ...Object.entries(INDICATOR).map(([k, v]) => [`indicators.${form}.${k}`, v]),
    ]),
  ),
  scoring: { label: '计分' },
  'scoring.scale': { label: '总分', unit: '分' },
  'scoring.bonusMax': { label: '加分上限', unit: '分' },
  'scoring.aggregation': {
    label: '专家评分汇总方法',
    options: { mean: '算术平均', trimmed_mean: '去掉最高最低后平均', median: '中位数' },
  },
  'scoring.trimMinSheets': { label: '评分表达到此数才去掉最高最低', unit: '份' },
  'scoring.disagreementThreshold': { label: '最高与最低分相差超过此数提请委员会注意', unit: '分' },
  thresholds: { label: '等级分数线' },
  'thresholds.*.level': { label: '等级', options: LEVELS },
  'thresholds.*.min': { label: '最低分', unit: '分' },
  districtMaxLevel: { label: '本区可直接评定的最高等级', options: LEVELS },
  fiveARequiresPartyOrganization: { label: '评为5A须已建立党组织' },
  committee: { label: '评估委员会与复核委员会' },
  'committee.quorumNumerator': { label: '出席比例（分子）' },
  'committee.quorumDenominator': { label: '出席比例（分母）' },
  'committee.minMembers': { label: '评估委员会最少人数', unit: '人' },
  'committee.maxMembers': { label: '评估委员会最多人数', unit: '人' },
  'committee.reviewMinMembers': { label: '复核委员会最少人数', unit: '人' },
  'committee.reviewMaxMembers': { label: '复核委员会最多人数', unit: '人' },
  limits: { label: '期限' },
  'limits.publicity': { label: '评估结果公示期' },
  'limits.reviewAnswer': { label: '复核答复期限' },
  'limits.validity': { label: '等级有效期' },
  'limits.expiryReminderLead': { label: '等级到期提醒提前量' },
  'limits.certificateReturn': { label: '降级后交回证书、牌匾的期限' },
  'limits.complaintVerification': { label: '举报核实期限' },
  certificateMinLevel: { label: '颁发证书和牌匾的最低等级', options: LEVELS },
  announcementChannels: { label: '公告渠道', hint: '每行一个' },
};

const TARGETS: Record<string, SettingMeta> = {
  newRegistrationsPerYear: { label: '全年新登记社会组织', unit: '家' },
  ratedShareOfDue: { label: '评估等级组织占应评组织的比例', unit: '%', fraction: true },
};

/** The security policy (domain/security/policy.ts): only the security administrator sets it. */
const SECURITY: Record<string, SettingMeta> = {
  sessions: { label: '会话' },
  'sessions.idleMinutes': { label: '无操作自动退出', unit: '分钟' },
  'sessions.absoluteMinutes': { label: '登录后最长有效', unit: '分钟' },
  'sessions.secondFactorMinutes': { label: '输入动态验证码的时限', unit: '分钟' },
  mfa: { label: '双因素认证' },
  'mfa.requiredForStaff': { label: '工作人员须使用动态验证码' },
  'mfa.requiredForApplicants': { label: '申请单位账号须使用动态验证码' },
  'mfa.recoveryCodes': { label: '恢复码个数', unit: '个' },
  passwords: { label: '密码' },
  'passwords.minLength': { label: '密码最短长度', unit: '位' },
  loginThrottle: { label: '登录失败限制' },
  'loginThrottle.windowMinutes': { label: '失败次数的统计时段', unit: '分钟' },
  'loginThrottle.perAccount': { label: '同一账号失败次数上限', unit: '次' },
  'loginThrottle.perSource': { label: '同一地址失败次数上限', unit: '次' },
  'loginThrottle.sprayAccounts': { label: '同一地址尝试的账号数上限', unit: '个' },
  uploads: { label: '上传限额' },
  'uploads.perAccountPerDay': { label: '每个账号每日上传文件数', unit: '个' },
  'uploads.bytesPerAccountPerDay': {
    label: '每个账号每日上传总量',
    unit: 'MB',
    megabytes: true,
  },
  'uploads.unattachedExpiryHours': { label: '未使用的上传文件保留', unit: '小时' },
  rateLimits: { label: '访问频率限制' },
  'rateLimits.anonymousPerMinute': { label: '未登录访问每个地址每分钟', unit: '次' },
  'rateLimits.expensivePerMinute': { label: '耗时查询每个账号每分钟', unit: '次' },
};

/** The processes whose rules an administrator edits, with their Chinese names. */
export const POLICY_FORMS: Record<string, { title: string; labels: Record<string, SettingMeta> }> =
  {
    registration: { title: '直接登记', labels: REGISTRATION },
    evaluation: { title: '等级评估', labels: EVALUATION },
    competition: { title: '公益创投', labels: COMPETITION },
    purchase: { title: '政府购买服务', labels: PURCHASE },
    targets: { title: '工作目标', labels: TARGETS },
    security: { title: '安全策略', labels: SECURITY },
  };

/** 'rubric.2.max' → 'rubric.*.max'; indicator sub-levels ('…children.0') fold onto the first. */
export function settingPattern(path: string): string {
  return path
    .split('.')
    .map((s) => (/^\d+$/.test(s) ? '*' : s))
    .join('.')
    .replace(/(\.\*)(\.children\.\*)+/g, '$1');
}

/** The meta of the setting at `path` ('limits.intakeNotice', 'rubric.0.name'), if named. */
export function settingMeta(process: string, path: string): SettingMeta | undefined {
  const labels = POLICY_FORMS[process]?.labels ?? {};
  return labels[path] ?? labels[settingPattern(path)];
}
