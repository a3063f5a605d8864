import { usePagedList } from '../components/pager';
import { Badge, Card, Empty, Loading, ProblemAlert } from '../components/ui';
import { formatDateTime } from '../format';
import { Link } from '../router';
import type { OfficeTask } from './types';

/** 评估待办: what waits for the evaluation office on files (panels short of experts). */
export function OfficeTasksPage() {
  const tasks = usePagedList<OfficeTask>('/api/evaluation/office-tasks', '');
  return (
    <div>
      <h1 className="page-title">评估待办</h1>
      <p className="muted">
        回避后无利益冲突的评估专家不足规定人数的评估事项，须由评估办公室从专家库增补专家后才能开始评分。
      </p>
      <ProblemAlert error={tasks.error} />
      {!tasks.data ? (
        !tasks.error && <Loading />
      ) : tasks.data.items.length === 0 ? (
        <Card>
          <Empty>目前没有待办事项。</Empty>
        </Card>
      ) : (
        <>
          <ul className="work-list">
            {tasks.data.items.map((t) => (
              <li key={t.fileId} className="work-item">
                <Link to={`/evaluation/files/${t.fileId}`} className="work-link">
                  <span className="work-task">
                    {t.organizationName ?? '—'} · {t.campaignTitle}
                  </span>
                  <span className="work-meta muted">自 {formatDateTime(t.since)}</span>
                </Link>
                <div className="work-due">
                  <Badge tone="warn">{t.task}</Badge>
                </div>
              </li>
            ))}
          </ul>
          {tasks.pager}
        </>
      )}
    </div>
  );
}
