import { z } from 'zod';

/** 指导性目录 (§6.2): three levels, first level one of the five classes. */

export const CATALOGUE_CLASSES = {
  basic_public: '基本公共服务',
  social_management: '社会管理性服务',
  industry_management: '行业管理与协调性服务',
  technical: '技术性服务',
  auxiliary: '政府履职所需辅助性事项',
} as const;
export type CatalogueClass = keyof typeof CATALOGUE_CLASSES;

/** Undertaker types of 102号 art. 6 (公益一类 institutions and funded mass organisations excluded). */
export const UNDERTAKER_TYPES = {
  enterprise: '企业',
  social_organization: '社会组织',
  public_institution: '公益二类或生产经营类事业单位',
  rural_collective: '农村集体经济组织',
  grassroots_autonomy: '基层群众性自治组织',
  individual: '具备条件的个人',
} as const;
export type UndertakerType = keyof typeof UNDERTAKER_TYPES;

// Titles name each field in a refusal (api/route.ts), as the catalogue form labels it.
export const catalogueItemSchema = z.object({
  /** Hierarchical code, e.g. 01.03.002 (class.second.third). */
  code: z
    .string()
    .regex(/^\d{2}\.\d{2}\.\d{3}$/, {
      error: (i) => `「${String(i.input)}」不是目录编码，应为“一级.二级.三级”，如 01.03.002`,
    })
    .meta({ title: '目录编码' }),
  catalogueClass: z
    .enum(Object.keys(CATALOGUE_CLASSES) as [CatalogueClass, ...CatalogueClass[]])
    .meta({ title: '一级目录' }),
  level2: z.string().min(1).max(100).meta({ title: '二级目录' }),
  level3: z.string().min(1).max(100).meta({ title: '三级目录（服务事项）' }),
  department: z.string().min(1).max(100).meta({ title: '主管部门' }),
  serviceStandard: z.string().min(1).max(2000).meta({ title: '服务标准' }),
  unit: z.string().min(1).max(20).meta({ title: '计量单位' }),
  priceBasis: z.string().min(1).max(500).meta({ title: '价格依据' }),
  undertakerTypes: z
    .array(z.enum(Object.keys(UNDERTAKER_TYPES) as [UndertakerType, ...UndertakerType[]]))
    .min(1, '请至少选择一种承接主体类型')
    .meta({ title: '承接主体类型' }),
  suitableForSocialOrganizations: z.boolean().meta({ title: '适宜由社会组织承接' }),
});
export type CatalogueItemInput = z.infer<typeof catalogueItemSchema>;

/** The catalogue item as a project holds it: the version in force when the need was defined. */
export interface CatalogueItemSnapshot extends CatalogueItemInput {
  id: string;
  version: number;
}

/** The three-level path as people read it. */
export const cataloguePath = (i: CatalogueItemInput) =>
  `${CATALOGUE_CLASSES[i.catalogueClass]} / ${i.level2} / ${i.level3}`;
