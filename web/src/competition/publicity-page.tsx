import { useEffect } from 'react';
import { api } from '../api';
import { ActionButton } from '../components/action-dialog';
import { Badge, Card, Empty, Loading, Notice, ProblemAlert } from '../components/ui';
import { formatDateTime } from '../format';
import { Link } from '../router';
import { useSession } from '../session';
import { useLoad } from '../use-load';
import { STAGE_LABEL, yuan } from './labels';
import type { Objection, Publicity, RoundDetail } from './types';

const OBJECTION_LABEL: Record<Objection['status'], [string, string]> = {
  pending: ['待处理', 'warn'],
  upheld: ['异议成立', 'bad'],
  dismissed: ['异议不成立', 'ok'],
};

/** The administrator rules on a pending objection, with the reasons the objector will read. */
function Ruling({ roundId, o, onDone }: { roundId: string; o: Objection; onDone: () => void }) {
  const path = `/api/competitions/${roundId}/objections/${o.id}/decision`;
  const fields = [
    {
      name: 'decision',
      label: '处理意见（告知异议人）',
      kind: 'textarea' as const,
      required: true,
    },
  ];
  return (
    <div className="action-buttons">
      <ActionButton
        label="异议成立"
        tone="danger"
        title={`异议成立：${o.proposalTitle}`}
        path={path}
        prompt="异议成立将取消该项目的资助，并在预算和类别名额内重新确定资助名单。"
        fields={fields}
        body={(v) => ({ uphold: true, decision: v.decision })}
        onDone={onDone}
      />
      <ActionButton
        label="异议不成立"
        title={`异议不成立：${o.proposalTitle}`}
        path={path}
        prompt="异议不成立，该项目保留在拟资助名单中。"
        fields={fields}
        body={(v) => ({ uphold: false, decision: v.decision })}
        onDone={onDone}
      />
    </div>
  );
}

function ObjectionList({
  roundId,
  rows,
  admin,
  open,
  onDone,
}: {
  roundId: string;
  rows: Objection[];
  admin: boolean;
  open: boolean;
  onDone: () => void;
}) {
  if (rows.length === 0) return <Empty>{admin ? '没有收到异议。' : '本单位没有提出异议。'}</Empty>;
  return (
    <ul className="objections">
      {rows.map((o) => {
        const [label, tone] = OBJECTION_LABEL[o.status];
        return (
          <li key={o.id} className="objection">
            <div className="objection-head">
              <strong>{o.proposalTitle}</strong>
              <Badge tone={tone}>{label}</Badge>
            </div>
            <p className="muted">
              {o.filedBy ? `${o.filedBy} · ` : ''}提出于 {formatDateTime(o.filedAt)}
            </p>
            <p className="break">{o.text}</p>
            {o.decision && (
              <p className="objection-decision">
                处理意见（{formatDateTime(o.decidedAt)}）：{o.decision}
              </p>
            )}
            {admin && open && o.status === 'pending' && (
              <Ruling roundId={roundId} o={o} onDone={onDone} />
            )}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The funding list under publicity (公示) and its objections: an applicant objects to a listed
 * project with its reasons; the administrator upholds or dismisses each with a written decision.
 * The round workflow decides whether publicity is still open; its refusal is shown as it says.
 */
export function PublicityPage({ id }: { id: string }) {
  const { account } = useSession();
  const role = account?.role;
  const round = useLoad(() => api.get<RoundDetail>(`/api/competitions/${id}`), `round-${id}`);
  const list = useLoad(() => api.get<Publicity>(`/api/competitions/${id}/publicity`), `pub-${id}`);
  const reads = role === 'administrator' || role === 'applicant';
  const objections = useLoad(
    () =>
      reads ? api.get<Objection[]>(`/api/competitions/${id}/objections`) : Promise.resolve([]),
    `obj-${id}`,
  );
  const reload = () => {
    round.reload();
    list.reload();
    objections.reload();
  };
  const r = round.data;
  const open = r?.stage === 'publicity';
  // The round closes publicity on its own (period over, last objection decided): watch for it.
  const reloadRound = round.reload;
  useEffect(() => {
    if (!open) return;
    const t = setInterval(reloadRound, 3_000);
    return () => clearInterval(t);
  }, [open, reloadRound]);
  if (!r || !list.data) return round.error ? <ProblemAlert error={round.error} /> : <Loading />;
  const items = list.data.items;
  return (
    <div>
      <p className="crumb">
        <Link to="/competitions">公益创投</Link> / <Link to={`/competitions/${id}`}>{r.title}</Link>{' '}
        / 公示与异议
      </p>
      <div className="page-head">
        <h1 className="page-title">资助名单公示与异议</h1>
        <Badge tone={open ? 'warn' : 'info'}>{STAGE_LABEL[r.stage]}</Badge>
      </div>
      {list.data.publicityEndsAt === null ? (
        <Notice tone="info">本轮尚未公示资助名单。</Notice>
      ) : open ? (
        <Notice tone="warn">
          公示期至 {formatDateTime(list.data.publicityEndsAt)}
          。公示期内对名单有异议的，可写明事实和理由提出；全部异议处理完毕且公示期届满后进入项目实施。
          {role === 'administrator' && r.pendingObjections
            ? ` 尚有 ${r.pendingObjections} 件异议待处理。`
            : ''}
        </Notice>
      ) : (
        <Notice tone="info">
          公示期已于 {formatDateTime(list.data.publicityEndsAt)} 结束，不再受理异议。
        </Notice>
      )}
      <Card title="拟资助项目名单">
        <ProblemAlert error={list.error} />
        {items.length === 0 ? (
          <Empty>名单中没有项目。</Empty>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>项目</th>
                  <th>申报单位</th>
                  <th>资助金额</th>
                  {role === 'applicant' && open && <th>异议</th>}
                </tr>
              </thead>
              <tbody>
                {items.map((p) => (
                  <tr key={p.id}>
                    <td data-label="项目">{p.title}</td>
                    <td data-label="申报单位">{p.organizationName}</td>
                    <td data-label="资助金额">{yuan(p.awardFen)}</td>
                    {role === 'applicant' && open && (
                      <td data-label="异议">
                        {p.own ? (
                          <span className="muted">本单位项目</span>
                        ) : p.selected ? (
                          <ActionButton
                            label="提出异议"
                            title={`对“${p.title}”提出异议`}
                            path={`/api/competitions/${id}/objections`}
                            prompt="请写明异议的事实和理由；管理员处理后将书面告知本单位。"
                            fields={[
                              {
                                name: 'text',
                                label: '异议的事实和理由',
                                kind: 'textarea',
                                required: true,
                                hint: '不少于5个字',
                              },
                            ]}
                            body={(v) => ({ proposalId: p.id, text: v.text })}
                            onDone={reload}
                          />
                        ) : null}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      {reads && (
        <Card title={role === 'administrator' ? '公示异议' : '本单位提出的异议'}>
          <ProblemAlert error={objections.error} />
          {objections.data ? (
            <ObjectionList
              roundId={id}
              rows={objections.data}
              admin={role === 'administrator'}
              open={open}
              onDone={reload}
            />
          ) : (
            <Loading />
          )}
        </Card>
      )}
    </div>
  );
}
