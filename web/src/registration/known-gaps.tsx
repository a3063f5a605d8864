import { useMemo } from 'react';
import { applicationSchema } from '../../../domain/registration/application';
import { type DeficiencyItem, findDeficiencies } from '../../../domain/registration/completeness';
import type { RegistrationPolicy } from '../../../domain/registration/policy';
import { api } from '../api';
import { Notice } from '../components/ui';
import { useLoad } from '../use-load';
import { type Draft, normalize } from './draft';

/**
 * What the bureau's own completeness check (the one that writes the deficiency notice) already
 * finds in the draft, under the rules in force today: members, funds, premises, documents,
 * declarations. Shown while filling in, so nobody learns it days later from a notice.
 */
export function useKnownGaps(draft: Draft | null): DeficiencyItem[] {
  const rules = useLoad(
    () => api.get<{ policy: RegistrationPolicy }>('/api/policy/registration'),
    'registration-policy',
  );
  return useMemo(() => {
    if (!draft || !rules.data) return [];
    const app = applicationSchema.safeParse(normalize(draft));
    return app.success ? findDeficiencies(app.data, rules.data.policy) : [];
  }, [draft, rules.data]);
}

export function KnownGaps({
  gaps,
  title,
  ok,
}: {
  gaps: DeficiencyItem[];
  title: string;
  ok?: string;
}) {
  if (gaps.length === 0) return ok ? <Notice tone="ok">{ok}</Notice> : null;
  return (
    <Notice tone="warn">
      <strong>{title}</strong>
      <ul className="known-gaps">
        {gaps.map((g) => (
          <li key={g.code + g.target}>
            {g.title}：{g.description}
            <small className="muted block">依据：{g.legalBasis}</small>
          </li>
        ))}
      </ul>
    </Notice>
  );
}
