/** Legal forms and directly registered categories. No zod: workflows import it (see *-schema.ts). */
/** The three legal forms (DOMAIN.md §1). Values match the Prisma enum LegalForm. */
export const LEGAL_FORMS = ['social_group', 'private_non_enterprise', 'foundation'] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];

export const LEGAL_FORM_LABEL: Record<LegalForm, string> = {
  social_group: '社会团体',
  private_non_enterprise: '民办非企业单位',
  foundation: '基金会',
};

/** The four categories that register directly, without a supervising unit (DOMAIN.md §3.2). */
export const CATEGORIES = [
  'industry_association',
  'science_technology',
  'public_welfare',
  'community_service',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABEL: Record<Category, string> = {
  industry_association: '行业协会商会类',
  science_technology: '科技类',
  public_welfare: '公益慈善类',
  community_service: '城乡社区服务类',
};
