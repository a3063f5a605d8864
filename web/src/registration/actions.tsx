import { useState } from 'react';
import { actionButtonClass } from '../components/action-dialog';
import type { Account, RegistrationView } from '../types';
import { ACTION_SPECS, type ActionSpec } from './action-specs';
import { DecisionDialog } from './decision-dialog';

/** The buttons of the decisions this person's role may take now. */
export function ActionBar({
  id,
  view,
  account,
  onDone,
}: {
  id: string;
  view: RegistrationView;
  account: Account;
  onDone: () => void;
}) {
  const [open, setOpen] = useState<string | null>(null);
  // The API offers only what the workflow would accept now from this person.
  const actions = view.allowedActions.filter((a) => ACTION_SPECS[a]?.roles.includes(account.role));
  const excluded = view.awaiting.excludedActorIds.includes(account.id);
  if (actions.length === 0 && !excluded) return null;
  const spec = open ? ACTION_SPECS[open] : undefined;
  return (
    <div className="action-bar">
      {account.role !== 'applicant' && <h2 className="action-title">可办理的事项</h2>}
      {excluded && (
        <p className="alert alert-warn">
          您已办理本件的前一级审查；按“两人审查”规则，本级须由其他人员办理。
        </p>
      )}
      {view.awaiting.assignee && account.role !== 'applicant' && (
        <p className="muted">承办人：{view.awaiting.assignee.name}</p>
      )}
      <div className="action-buttons">
        {actions.map((a) => {
          const s = ACTION_SPECS[a] as ActionSpec;
          return (
            <button
              key={a}
              type="button"
              className={actionButtonClass(s.tone)}
              onClick={() => setOpen(a)}
            >
              {s.label(view)}
            </button>
          );
        })}
      </div>
      {spec && (
        <DecisionDialog
          id={id}
          spec={spec}
          view={view}
          onClose={() => setOpen(null)}
          onDone={() => {
            setOpen(null);
            onDone();
          }}
        />
      )}
    </div>
  );
}
