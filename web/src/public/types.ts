/** What the public API answers (api/schemas/public.ts), as the pages read it. */

export interface PublicDocument {
  code: string;
  genuine: boolean;
  status: 'in_force' | 'not_in_force' | 'invalid';
  statusLabel: string;
  reason: string | null;
  document: {
    kindLabel: string;
    title: string;
    docNo: string;
    holder: string;
    creditCode: string | null;
    level: string | null;
    issuedOn: string;
    validFrom: string | null;
    validTo: string | null;
    authority: string;
  } | null;
  seal: { algorithm: string; keyId: string; canonical: string; signature: string };
  checkedAt: string;
}

export interface PublicCompetitions {
  rounds: {
    id: string;
    title: string;
    stage: string;
    underPublicity: boolean;
    publicityEndsAt: string | null;
    items: { title: string; category: string; organizationName: string; awardYuan: number }[];
  }[];
}

export interface PublicPurchase {
  id: string;
  projectNo: string;
  title: string;
  department: string;
  catalogue: string;
  statusLabel: string;
  methodLabel: string | null;
  budgetYuan: number;
  notice: { publishedAt: string; closesAt: string; requirements: string } | null;
  award: {
    supplierName: string;
    creditCode: string;
    amountYuan: number;
    decidedAt: string;
    publicityEndsAt: string | null;
  } | null;
  contract: { signedAt: string; amountYuan: number; startDate: string; endDate: string } | null;
  ocdsUrl: string;
}
