import { useState } from 'react';
import { api } from '../api';
import { Badge, Card, Empty, Loading, ProblemAlert } from '../components/ui';
import { formatDate } from '../format';
import { useFormState } from '../forms/use-form-state';
import { Link } from '../router';
import { useSession } from '../session';
import { useLoad } from '../use-load';
import { ClaimsCard } from './claims-card';
import { refreshInboxCounts } from './counts';
import {
  type InboxCounts,
  type InboxList,
  type InboxProcess,
  type InboxTask,
  PROCESSES,
} from './types';

const PAGE_SIZE = 50;

const URGENCY: Record<InboxTask['urgency'], { label: string; tone: string } | null> = {
  overdue: { label: '已逾期', tone: 'bad' },
  near_due: { label: '临近到期', tone: 'warn' },
  normal: null,
};

function Due({ task }: { task: InboxTask }) {
  const u = URGENCY[task.urgency];
  return (
    <span className="due">
      {task.dueAt ? formatDate(task.dueAt) : '无期限'}
      {task.workingDaysLeft !== null && task.urgency !== 'overdue' && (
        <small className="muted">（剩 {task.workingDaysLeft} 个工作日）</small>
      )}
      {u && <Badge tone={u.tone}>{u.label}</Badge>}
    </span>
  );
}

/**
 * Claim or release a shared step; the holder's name when someone else works it. A refusal (the
 * step was claimed a moment before by another official) is shown beside the task, and the list
 * is read again either way, so that it shows who holds it now.
 */
function ClaimControl({ task, onDone }: { task: InboxTask; onDone: () => void }) {
  const { account } = useSession();
  const form = useFormState();
  const run = async (path: string) => {
    await form.submit(() => api.post(path, { taskKey: task.key }));
    onDone();
  };
  const control = claimButtons(task, account?.role === 'administrator', form.busy, run);
  return (
    <>
      {control}
      <ProblemAlert error={form.problem} />
    </>
  );
}

function claimButtons(
  task: InboxTask,
  administrator: boolean,
  busy: boolean,
  run: (path: string) => Promise<void>,
) {
  if (!task.claimable) return null;
  if (!task.claim)
    return (
      <button
        type="button"
        className="btn btn-primary btn-sm"
        disabled={busy}
        onClick={() => void run('/api/inbox/claims')}
      >
        认领
      </button>
    );
  const release = task.claim.mine || administrator;
  return (
    <span className="work-claim">
      <Badge tone={task.claim.mine ? 'ok' : 'muted'}>
        {task.claim.mine ? '已由您认领' : `已由${task.claim.name}认领`}
      </Badge>
      {release && (
        <button
          type="button"
          className="btn btn-secondary btn-sm"
          disabled={busy}
          onClick={() => void run('/api/inbox/claims/release')}
        >
          {task.claim.mine ? '放弃认领' : '释放认领'}
        </button>
      )}
    </span>
  );
}

/**
 * 我的待办: what waits for this person in all four processes, most urgent first, filtered by
 * process; shared steps are claimed here so that two officials do not work the same file.
 */
export function InboxPage() {
  const { account } = useSession();
  const [process, setProcess] = useState<InboxProcess | null>(null);
  const [page, setPage] = useState(1);
  const query = `?page=${page}&pageSize=${PAGE_SIZE}${process ? `&process=${process}` : ''}`;
  const list = useLoad(() => api.get<InboxList>(`/api/inbox${query}`), `inbox${query}`);
  const counts = useLoad(() => api.get<InboxCounts>('/api/inbox/counts'), 'inbox-counts');
  const done = () => {
    list.reload();
    counts.reload();
    refreshInboxCounts();
  };
  const choose = (p: InboxProcess | null) => {
    setProcess(p);
    setPage(1);
  };
  const c = counts.data;
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;
  return (
    <div>
      <h1 className="page-title">我的待办</h1>
      <fieldset className="inbox-filter">
        <legend className="visually-hidden">按业务筛选</legend>
        {[{ id: null, label: '全部' }, ...PROCESSES].map((p) => (
          <button
            key={p.id ?? 'all'}
            type="button"
            className={`btn btn-sm ${process === p.id ? 'btn-primary' : 'btn-secondary'}`}
            aria-pressed={process === p.id}
            onClick={() => choose(p.id)}
          >
            {p.label}
            {c && <span className="nav-count">{p.id ? c.byProcess[p.id] : c.total}</span>}
          </button>
        ))}
      </fieldset>
      {c && c.total > 0 && (
        <p className="muted">
          共 {c.total} 件，其中已逾期 {c.overdue} 件、临近到期 {c.nearDue} 件。
        </p>
      )}
      <ProblemAlert error={list.error} />
      {!list.data ? (
        !list.error && <Loading />
      ) : list.data.items.length === 0 ? (
        <Card>
          <Empty>目前没有等待您办理的事项。</Empty>
        </Card>
      ) : (
        <>
          <ul className="work-list">
            {list.data.items.map((t) => (
              <li key={t.key} className={`work-item urgency-${t.urgency}`}>
                <Link to={t.link} className="work-link">
                  <span className="work-task">{t.title}</span>
                  <span className="work-name">{t.subject}</span>
                  <span className="work-meta muted">
                    {t.processLabel}
                    {t.reference ? ` · ${t.reference}` : ''}
                  </span>
                </Link>
                <div className="work-due">
                  <small className="muted">期限</small>
                  <Due task={t} />
                  <ClaimControl task={t} onDone={done} />
                </div>
              </li>
            ))}
          </ul>
          {pages > 1 && (
            <nav className="pager" aria-label="翻页">
              <button
                type="button"
                className="btn btn-secondary btn-sm"
                disabled={page <= 1}
                onClick={() => setPage(page - 1)}
              >
                上一页
              </button>
              <span className="muted">
                第 {page} / {pages} 页
              </span>
              <button
                type="button"
                className="btn btn-secondary btn-sm"
                disabled={page >= pages}
                onClick={() => setPage(page + 1)}
              >
                下一页
              </button>
            </nav>
          )}
        </>
      )}
      {account?.role === 'administrator' && <ClaimsCard onReleased={done} />}
    </div>
  );
}
