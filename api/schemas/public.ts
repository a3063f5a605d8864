import { z } from 'zod';

/**
 * What the public pages read without signing in (issue 15 point 6): only what the law makes
 * public. No personal data, no bank accounts, no tenderer while a tender is open.
 */

export const ZDocumentCodeParams = z.object({
  code: z.string().trim().min(1).max(64).meta({ title: '核验码' }),
});

export const SEAL_STATUSES = ['in_force', 'not_in_force', 'invalid'] as const;

export const ZPublicDocument = z.object({
  code: z.string(),
  /** The signature is good and the data is the seal's own. */
  genuine: z.boolean(),
  status: z.enum(SEAL_STATUSES),
  /** 有效 / 已失效 / 验证失败 */
  statusLabel: z.string(),
  reason: z.string().nullable(),
  /** The document's signed data; null when the seal does not verify. */
  document: z
    .object({
      kindLabel: z.string(),
      title: z.string(),
      docNo: z.string(),
      holder: z.string(),
      creditCode: z.string().nullable(),
      level: z.string().nullable(),
      issuedOn: z.string(),
      validFrom: z.string().nullable(),
      validTo: z.string().nullable(),
      authority: z.string(),
    })
    .nullable(),
  /** Everything an offline check needs besides the public key (npm run verify-document). */
  seal: z.object({
    algorithm: z.string(),
    keyId: z.string(),
    canonical: z.string(),
    signature: z.string(),
  }),
  checkedAt: z.string(),
});
export type PublicDocument = z.infer<typeof ZPublicDocument>;

export const ZSigningKeys = z.object({
  algorithm: z.string(),
  keys: z.array(z.object({ keyId: z.string(), publicKeyPem: z.string() })),
});

export const ZPublicCompetitions = z.object({
  rounds: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      /** publicity: 公示中; implementing / closed: the list stands. */
      stage: z.string(),
      underPublicity: z.boolean(),
      publicityEndsAt: z.string().nullable(),
      items: z.array(
        z.object({
          title: z.string(),
          category: z.string(),
          organizationName: z.string(),
          /** 元 */
          awardYuan: z.number(),
        }),
      ),
    }),
  ),
});

export const ZPublicPurchases = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      projectNo: z.string(),
      title: z.string(),
      department: z.string(),
      catalogue: z.string(),
      statusLabel: z.string(),
      methodLabel: z.string().nullable(),
      /** 元 */
      budgetYuan: z.number(),
      notice: z
        .object({ publishedAt: z.string(), closesAt: z.string(), requirements: z.string() })
        .nullable(),
      /** Only once the award is publicised: never a tenderer before. */
      award: z
        .object({
          supplierName: z.string(),
          creditCode: z.string(),
          amountYuan: z.number(),
          decidedAt: z.string(),
          publicityEndsAt: z.string().nullable(),
        })
        .nullable(),
      contract: z
        .object({
          signedAt: z.string(),
          amountYuan: z.number(),
          startDate: z.string(),
          endDate: z.string(),
        })
        .nullable(),
      ocdsUrl: z.string(),
    }),
  ),
});
