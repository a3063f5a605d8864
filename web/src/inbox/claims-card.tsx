import { api } from '../api';
import { Card, ProblemAlert } from '../components/ui';
import { formatDateTime } from '../format';
import { useFormState } from '../forms/use-form-state';
import { Link } from '../router';
import { useLoad } from '../use-load';
import { PROCESSES } from './types';

interface Claim {
  taskKey: string;
  link: string | null;
  name: string;
  claimedAt: string;
}

const processOf = (key: string) =>
  PROCESSES.find((p) => key.startsWith(`${p.id}:`))?.label ?? '待办事项';

/** The administrator's view of who holds which shared task, to release one left behind. */
export function ClaimsCard({ onReleased }: { onReleased: () => void }) {
  const claims = useLoad(() => api.get<{ items: Claim[] }>('/api/inbox/claims'), 'inbox-claims');
  const form = useFormState();
  const release = async (taskKey: string) => {
    await form.submit(() => api.post('/api/inbox/claims/release', { taskKey }));
    // Released, or released by someone else meanwhile: the list says which.
    claims.reload();
    onReleased();
  };
  const items = claims.data?.items ?? [];
  if (items.length === 0 && !claims.error) return null;
  return (
    <Card title="认领情况">
      <ProblemAlert error={form.problem ?? claims.error} />
      <ul className="work-list">
        {items.map((c) => (
          <li key={c.taskKey} className="work-item">
            <span>
              {c.link ? (
                <Link to={c.link}>{processOf(c.taskKey)}事项</Link>
              ) : (
                `${processOf(c.taskKey)}事项`
              )}
              ，由{c.name}于{formatDateTime(c.claimedAt)}认领
            </span>
            <button
              type="button"
              className="btn btn-secondary btn-sm"
              disabled={form.busy}
              onClick={() => void release(c.taskKey)}
            >
              释放认领
            </button>
          </li>
        ))}
      </ul>
    </Card>
  );
}
