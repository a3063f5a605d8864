import { api } from '../api';
import { Badge, Card, Empty, Loading, ProblemAlert } from '../components/ui';
import { formatDateTime } from '../format';
import { useLoad } from '../use-load';
import { PublicShell, yuanText } from './public-shell';
import type { PublicCompetitions } from './types';

/** 公益创投资助名单: each round's funding list from its publicity on (no team, no account). */
export function PublicCompetitionsPage() {
  const lists = useLoad(
    () => api.get<PublicCompetitions>('/api/public/competitions'),
    'public-competitions',
  );
  return (
    <PublicShell title="公益创投拟资助项目公示">
      <p className="muted">
        公示期内对拟资助项目有异议的，可由申报单位登录系统提出，或向民政局书面反映。
      </p>
      <ProblemAlert error={lists.error} />
      {!lists.data ? (
        !lists.error && <Loading />
      ) : lists.data.rounds.length === 0 ? (
        <Card>
          <Empty>目前没有公示中或已公布的资助名单。</Empty>
        </Card>
      ) : (
        lists.data.rounds.map((r) => (
          <Card key={r.id} title={r.title}>
            <p>
              {r.underPublicity ? (
                <Badge tone="warn">公示中</Badge>
              ) : (
                <Badge tone="ok">资助名单已确定</Badge>
              )}{' '}
              {r.underPublicity && r.publicityEndsAt && (
                <span className="muted">公示截止：{formatDateTime(r.publicityEndsAt)}</span>
              )}
            </p>
            {r.items.length === 0 ? (
              <Empty>本轮没有拟资助项目。</Empty>
            ) : (
              <div className="table-wrap">
                <table className="table public-funding">
                  <thead>
                    <tr>
                      <th>项目名称</th>
                      <th>申报单位</th>
                      <th>类别</th>
                      <th>资助金额</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.items.map((p) => (
                      <tr key={`${p.organizationName}-${p.title}`}>
                        <td data-label="项目名称">{p.title}</td>
                        <td data-label="申报单位">{p.organizationName}</td>
                        <td data-label="类别">{p.category}</td>
                        <td data-label="资助金额">{yuanText(p.awardYuan)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Card>
        ))
      )}
    </PublicShell>
  );
}
