import { ExportLinks, usePagedList } from '../components/pager';
import { Badge, Card, Empty, Loading, ProblemAlert } from '../components/ui';
import { formatDate } from '../format';
import { Link } from '../router';
import { FILE_STATUS, fileRef } from './labels';
import type { FileSummary } from './types';

/** An evaluator's files: the API answers only the files this expert is seated on. */
export function MyEvaluationFilesPage() {
  const { data, error, pager } = usePagedList<FileSummary>('/api/evaluation/files', '');
  return (
    <div>
      <div className="page-head">
        <h1 className="page-title">分配给我的评估事项</h1>
        <ExportLinks path="/api/evaluation/files/export" filters="" />
      </div>
      <ProblemAlert error={error} />
      {!data ? (
        !error && <Loading />
      ) : data.items.length === 0 ? (
        <Card>
          <Empty>目前没有分配给您的评估事项。</Empty>
        </Card>
      ) : (
        <>
          <p className="muted">共 {data.total} 件。查阅材料前须先声明有无需要回避的情形。</p>
          <ul className="work-list">
            {data.items.map((f) => (
              <li key={f.id} className="work-item">
                <Link to={`/evaluation/files/${f.id}`} className="work-link">
                  <span className="work-task">
                    {f.organizationName ?? '评估事项'} {fileRef(f)}
                  </span>
                  <span className="work-meta muted">申报于 {formatDate(f.appliedAt)}</span>
                </Link>
                <div className="work-due">
                  <Badge tone={FILE_STATUS[f.status]?.tone ?? 'muted'}>
                    {FILE_STATUS[f.status]?.label ?? f.status}
                  </Badge>
                </div>
              </li>
            ))}
          </ul>
          {pager}
        </>
      )}
    </div>
  );
}
