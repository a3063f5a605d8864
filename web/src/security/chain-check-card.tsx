import { useState } from 'react';
import { api } from '../api';
import { Card, Notice, ProblemAlert } from '../components/ui';

interface ChainReport {
  ok: boolean;
  entries: number;
  head: { seq: number; hash: string } | null;
  firstBreak: { seq: number | null; reason: string } | null;
}

/** 日志完整性: checks both hash chains on request and says where one breaks, if it does. */
export function ChainCheckCard() {
  const [check, setCheck] = useState<{
    ok: boolean;
    audit: ChainReport;
    security: ChainReport;
  } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const verify = async () => {
    setError(null);
    try {
      setCheck(await api.get('/api/audit/verify'));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <ProblemAlert error={error} />
      <Card
        title="日志完整性"
        actions={
          <button type="button" className="btn btn-primary btn-sm" onClick={() => void verify()}>
            校验哈希链
          </button>
        }
      >
        {check ? (
          <div className="stack">
            <Notice tone={check.ok ? 'ok' : 'warn'}>
              {check.ok
                ? '两条哈希链均完整，未发现修改、删除或插入。'
                : '哈希链不完整：日志在写入后被改动过。'}
            </Notice>
            {(['audit', 'security'] as const).map((c) => (
              <p key={c}>
                {c === 'audit' ? '业务审计日志' : '安全日志'}：{check[c].entries} 条
                {check[c].head && (
                  <>
                    ，末端 <code>{`${check[c].head?.seq}:${check[c].head?.hash}`}</code>
                  </>
                )}
                {check[c].firstBreak &&
                  `；第 ${check[c].firstBreak?.seq ?? '?'} 条起断开（${check[c].firstBreak?.reason}）`}
              </p>
            ))}
            <p className="muted">
              请把末端（位置:哈希）记录在本系统之外，下次校验时可证明末尾没有被截去。
            </p>
          </div>
        ) : (
          <p className="muted">
            每条日志都与前一条以哈希相连，任何一条被改、删或插入，校验即不通过。
          </p>
        )}
      </Card>
    </>
  );
}
