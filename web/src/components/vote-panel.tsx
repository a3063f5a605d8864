import { type ReactNode, useState } from 'react';
import { useDecision } from './action-dialog';
import { Card, ProblemAlert } from './ui';

/**
 * A committee member's named vote, the same for every committee: approve or against, then
 * confirmed once; the workflow's refusal (not a member, already voted, not at this stage)
 * appears under the buttons. `children` says what is voted on.
 */
export function VotePanel({
  title,
  path,
  onDone,
  children,
}: {
  title: string;
  /** Where `{ approve }` is posted. */
  path: string;
  onDone: () => void;
  children: ReactNode;
}) {
  const [choice, setChoice] = useState<boolean | null>(null);
  // The same key for the same vote: a retry after a lost reply is not a second vote.
  const form = useDecision();

  async function cast() {
    const sent = await form.send(path, { approve: choice });
    if (sent === undefined) return;
    setChoice(null);
    onDone();
  }

  return (
    <Card title={title} className="card-warn">
      {children}
      {choice === null ? (
        <div className="action-buttons">
          <button type="button" className="btn btn-primary" onClick={() => setChoice(true)}>
            赞成
          </button>
          <button type="button" className="btn btn-danger-outline" onClick={() => setChoice(false)}>
            反对
          </button>
        </div>
      ) : (
        <div className="vote-confirm">
          <p>
            您将投<strong>{choice ? '赞成' : '反对'}</strong>票，确认提交吗？
          </p>
          <div className="action-buttons">
            <button type="button" className="btn btn-primary" disabled={form.busy} onClick={cast}>
              {form.busy ? '正在提交…' : '确认提交'}
            </button>
            <button
              type="button"
              className="btn btn-secondary"
              disabled={form.busy}
              onClick={() => {
                setChoice(null);
                form.reset();
              }}
            >
              重新选择
            </button>
          </div>
        </div>
      )}
      <ProblemAlert error={form.problem} />
    </Card>
  );
}
