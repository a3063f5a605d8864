import type { ApplicationInput } from '../../../domain/registration/application';
import { applicationSchema } from '../../../domain/registration/application';

/** The application being written: the same zod schema as the API validates it client-side. */
export type Draft = ApplicationInput;

export const emptyPerson = (position = '') => ({
  name: '',
  idType: 'resident_id' as const,
  idNumber: '',
  position,
  phone: undefined as string | undefined,
  stateFunctionary: false,
  legalRepresentativeElsewhere: false,
});

export function emptyDraft(): Draft {
  return {
    name: '',
    category: 'community_service',
    legalForm: 'social_group',
    purpose: '',
    businessScope: '',
    activityArea: '常州市钟楼区',
    domicile: '',
    contact: { name: '', phone: '', email: '' },
    legalRepresentative: emptyPerson(),
    founders: [emptyPerson('发起人')],
    responsiblePersons: [],
    funds: { amount: undefined as unknown as number, source: '', inCash: true },
    premises: {
      address: '',
      areaSquareMeters: undefined as unknown as number,
      tenure: 'leased',
      leaseMonths: undefined,
    },
    members: { individuals: 0, units: 0, stateOrganUnits: 0 },
    needsPriorPermit: false,
    documents: [],
    declarations: {
      noDeprivationOfPoliticalRights: false,
      fullCivilCapacity: false,
      truthful: false,
    },
  };
}

/** Only the parts that apply to the chosen legal form go to the server. */
export function normalize(d: Draft): Draft {
  const out: Draft = { ...d };
  if (d.legalForm !== 'social_group') delete out.members;
  else out.members ??= { individuals: 0, units: 0, stateOrganUnits: 0 };
  if (d.legalForm !== 'foundation') {
    delete out.board;
    delete out.foundationType;
  } else {
    out.board ??= { directors: 0, paidDirectors: 0, closeRelatives: 0, privatelyFunded: false };
  }
  if (out.premises.tenure === 'owned') out.premises = { ...out.premises, leaseMonths: undefined };
  return out;
}

export function getIn(obj: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((o, k) => (o == null ? undefined : (o as Record<string, unknown>)[k]), obj);
}

export function setIn<T>(obj: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  const base: Record<string, unknown> | unknown[] = Array.isArray(obj)
    ? [...obj]
    : { ...(obj as Record<string, unknown>) };
  const current = (base as Record<string, unknown>)[head];
  (base as Record<string, unknown>)[head] = rest.length
    ? setIn(current ?? (/^\d+$/.test(rest[0] as string) ? [] : {}), rest.join('.'), value)
    : value;
  return base as T;
}

/** Every problem of the draft, keyed by its path ('founders.0.idNumber'). */
export function validate(d: Draft): Record<string, string> {
  const r = applicationSchema.safeParse(normalize(d));
  if (r.success) return {};
  const out: Record<string, string> = {};
  for (const i of r.error.issues) out[i.path.join('.')] ??= i.message;
  return out;
}
