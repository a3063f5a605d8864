import { api } from '../api';
import { Notice, ProblemAlert } from '../components/ui';
import { formatDateTime } from '../format';
import { Link } from '../router';
import { useLoad } from '../use-load';

interface Eligibility {
  eligible: boolean;
  reasons: string[];
}

/**
 * 申报项目 on the round page, offered only when the applicant may apply: the same check the
 * proposal form runs when it opens (registration, lists, last year's inspection, the limit per
 * organisation, the call open), so an organisation that cannot apply reads why here instead of
 * meeting the refusal on the form (issue 15 #3).
 */
export function ApplyOffer({ roundId, closesAt }: { roundId: string; closesAt?: string }) {
  const check = useLoad(
    () => api.get<Eligibility>(`/api/competitions/${roundId}/eligibility`),
    `competition-eligibility-${roundId}`,
  );
  if (check.error) return <ProblemAlert error={check.error} />;
  if (!check.data) return null;
  if (!check.data.eligible)
    return (
      <Notice tone="warn">
        <strong>本轮正在征集，但贵单位目前不能申报：</strong>
        <ul>
          {check.data.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </Notice>
    );
  return (
    <Notice tone="info">
      本轮正在征集，截止时间 {formatDateTime(closesAt)}。{' '}
      <Link to={`/competitions/${roundId}/apply`} className="btn btn-primary btn-sm">
        申报项目
      </Link>
    </Notice>
  );
}
