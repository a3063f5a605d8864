import { api } from '../api';
import { ActionButton } from '../components/action-dialog';
import { useLoad } from '../use-load';
import { ContractButton } from './contract-form';
import { type OfferSpec, offered } from './offered-actions';
import { expertSpecs, financeSpecs, undertakerSpecs } from './party-actions';
import { performanceSpecs, picksPanel, procurementSpecs } from './purchaser-actions';
import type { ProjectDetail, PurchaseView } from './types';

/**
 * The decisions offered to this person now: a button for each decision the workflow's own
 * checks would accept from them (allowedActions, narrowed to their role's routes), for the
 * object it is about; each opens the shared action dialog.
 */
export function ProjectActions({
  v,
  onDone,
}: {
  v: ProjectDetail;
  /** The Update answers leave the trail out, so the page reads the project again. */
  onDone: () => void;
}) {
  const pickPanel = picksPanel(v);
  const experts = useLoad(
    () =>
      pickPanel
        ? api.get<{ items: { id: string; name: string }[] }>('/api/purchase-experts')
        : Promise.resolve(null),
    `experts-${pickPanel}`,
  );
  const specs: OfferSpec[] = [
    ...procurementSpecs(v, experts.data?.items ?? []),
    ...performanceSpecs(v),
    ...undertakerSpecs(v),
    ...expertSpecs(v),
    ...financeSpecs(v),
  ].filter((s) => offered(v, s.path, s.about));
  const buttons = specs.map((s) => (
    <ActionButton<PurchaseView>
      key={s.key}
      label={s.label}
      path={`/api/purchases/${v.projectId}/${s.path}`}
      fields={s.fields}
      body={s.body}
      tone={s.tone ?? 'primary'}
      prompt={s.prompt}
      onDone={onDone}
    />
  ));
  // The contract is a form of its own (clauses, milestones, the payment plan).
  if (offered(v, 'contract'))
    buttons.splice(0, 0, <ContractButton key="contract" v={v} onDone={onDone} />);
  return buttons.length ? (
    <div className="action-buttons">{buttons}</div>
  ) : (
    <p className="muted">当前没有需要您办理的事项。</p>
  );
}
