import { z } from 'zod';
import { categorySchema, legalFormSchema } from '../organization-types-schema';
import { isValidResidentId, maskIdNumber } from '../resident-id';
import { addressSchema, personNameSchema } from '../text-rules';
import { documentTypeSchema } from './schemas';

/**
 * What an applicant files (DOMAIN.md §1.1, §3.5). The API validates the full application;
 * the workflow receives it with personal identifiers masked (data minimisation: histories
 * are stored unencrypted).
 */

const text = (max: number) => z.string().trim().min(1, '必填').max(max, `不超过${max}个字符`);

export const personSchema = z
  .object({
    name: personNameSchema,
    idType: z.enum(['resident_id', 'passport', 'other']).default('resident_id'),
    idNumber: z.string().trim().min(4).max(40),
    position: text(50),
    phone: z
      .string()
      .regex(/^[0-9+\-\s]{7,20}$/, '电话号码格式不正确')
      .optional(),
    /** Serving state functionary (foundation chair, vice-chairs and secretary-general may not be). */
    stateFunctionary: z.boolean().default(false),
    /** Already legal representative of another social group (社团条例: not allowed). */
    legalRepresentativeElsewhere: z.boolean().default(false),
  })
  .superRefine((p, ctx) => {
    if (p.idType === 'resident_id' && !isValidResidentId(p.idNumber)) {
      ctx.addIssue({
        code: 'custom',
        path: ['idNumber'],
        message: '居民身份证号码无效（校验位不符）',
      });
    }
  });
export type Person = z.infer<typeof personSchema>;

export const documentRefSchema = z.object({
  type: documentTypeSchema,
  fileId: z.uuid(),
  /** Filled in by the API from the stored file; a client cannot assert it. */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  fileName: z.string().max(200).optional(),
});
export type DocumentRef = z.infer<typeof documentRefSchema>;

export const applicationSchema = z.object({
  name: text(50),
  category: categorySchema,
  legalForm: legalFormSchema,
  purpose: text(1000),
  businessScope: text(2000),
  activityArea: text(100).default('常州市钟楼区'),
  domicile: addressSchema,
  contact: z.object({
    name: personNameSchema,
    phone: z.string().regex(/^[0-9+\-\s]{7,20}$/, '电话号码格式不正确'),
    email: z.email('电子邮箱格式不正确'),
  }),
  legalRepresentative: personSchema,
  founders: z.array(personSchema).min(1, '至少一名发起人（举办者）').max(200),
  responsiblePersons: z.array(personSchema).max(50).default([]),
  funds: z.object({
    amount: z.number().nonnegative().max(1e12),
    source: text(500),
    inCash: z.boolean().default(true),
  }),
  foundationType: z.enum(['non_public', 'local_public', 'national_public']).optional(),
  premises: z.object({
    address: addressSchema,
    areaSquareMeters: z.number().positive().max(1e7),
    tenure: z.enum(['owned', 'leased', 'free_use']),
    leaseMonths: z.number().int().positive().max(1200).optional(),
  }),
  members: z
    .object({
      individuals: z.number().int().min(0).max(1e6),
      units: z.number().int().min(0).max(1e6),
      stateOrganUnits: z.number().int().min(0).max(1e6).default(0),
    })
    .optional(),
  board: z
    .object({
      directors: z.number().int().min(0).max(1000),
      paidDirectors: z.number().int().min(0).max(1000).default(0),
      closeRelatives: z.number().int().min(0).max(1000).default(0),
      privatelyFunded: z.boolean().default(false),
    })
    .optional(),
  needsPriorPermit: z.boolean().default(false),
  documents: z.array(documentRefSchema).max(100),
  declarations: z.object({
    /** Founders and leaders were never deprived of political rights (§3.5 rule 5). */
    noDeprivationOfPoliticalRights: z.boolean(),
    fullCivilCapacity: z.boolean(),
    truthful: z.boolean(),
  }),
});
export type Application = z.infer<typeof applicationSchema>;
export type ApplicationInput = z.input<typeof applicationSchema>;

/** The application as a workflow may hold it: identity numbers and phones masked. */
export function forWorkflow(app: Application): Application {
  const mask = (p: Person): Person => ({
    ...p,
    idNumber: maskIdNumber(p.idNumber),
    phone: p.phone ? maskIdNumber(p.phone) : undefined,
  });
  return {
    ...app,
    contact: { ...app.contact, phone: maskIdNumber(app.contact.phone) },
    legalRepresentative: mask(app.legalRepresentative),
    founders: app.founders.map(mask),
    responsiblePersons: app.responsiblePersons.map(mask),
  };
}
