/**
 * Who may purchase services (购买主体, 102号): state organs at every level (art. 2); art. 4 lets
 * Party organs, CPPCC organs, democratic-party organs, institutions with administrative
 * functions and mass organisations with administrative staffing follow the same rules; art. 8
 * excludes 公益一类 institutions and mass organisations staffed and funded as institutions on
 * both sides. DOMAIN §6.6 rule 1 reads "a state organ"; the rule set names the kinds allowed.
 */
export const PURCHASER_KINDS = {
  state_organ: '国家机关',
  reference_organ:
    '参照执行的机关和单位（党的机关、政协机关、民主党派机关、承担行政职能的事业单位、使用行政编制的群团组织机关）',
  public_welfare_institution: '公益一类事业单位',
  budget_funded_mass_organization: '使用事业编制且由财政拨款保障的群团组织',
  other: '其他单位',
} as const;
export type PurchaserKind = keyof typeof PURCHASER_KINDS;
export const PURCHASER_KIND_KEYS = Object.keys(PURCHASER_KINDS) as [
  PurchaserKind,
  ...PurchaserKind[],
];

/** Why this body may not purchase services, or null when it may. */
export function purchaserRefusal(kind: PurchaserKind, allowed: readonly PurchaserKind[]) {
  if (allowed.includes(kind)) return null;
  if (kind === 'public_welfare_institution' || kind === 'budget_funded_mass_organization')
    return `${PURCHASER_KINDS[kind]}不得作为政府购买服务的购买主体（《政府购买服务管理办法》（财政部令第102号）第八条）`;
  return `${PURCHASER_KINDS[kind]}不是本地区规则允许的购买主体；购买主体应为各级国家机关（财政部令第102号第二条${allowed.includes('reference_organ') ? '、第四条' : ''}）`;
}
