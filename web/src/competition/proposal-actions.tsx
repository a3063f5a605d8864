import type { ReactNode } from 'react';
import { ActionButton, yuanToFen } from '../components/action-dialog';
import { Card } from '../components/ui';
import { isOffered } from '../offers';
import { yuan } from './labels';
import type { ProposalDetail } from './types';

/** The tranches a payment step is open for now (the workflow's actionTargets). */
const tranchesFor = (p: ProposalDetail, update: string) =>
  (p.workflow?.tranches ?? []).filter((t) => isOffered(p, update, { tranche: t.n }));

/** 资格审查: pass, or fail with the reasons, one a line. */
function qualifyButtons(p: ProposalDetail, base: string, onDone: () => void): ReactNode[] {
  if (!isOffered(p, 'qualify')) return [];
  return [
    <ActionButton
      key="pass"
      label="资格审查通过"
      tone="primary"
      path={`${base}/qualify`}
      prompt="申报单位和项目符合本轮申报条件。"
      body={() => ({ pass: true })}
      onDone={onDone}
    />,
    <ActionButton
      key="fail"
      label="资格审查不通过"
      tone="danger"
      path={`${base}/qualify`}
      fields={[
        { name: 'reasons', label: '不通过的理由（每行一条）', kind: 'textarea', required: true },
      ]}
      body={(v) => ({
        pass: false,
        reasons: (v.reasons ?? '')
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
      })}
      onDone={onDone}
    />,
  ];
}

/** The agreement, the payment orders and their confirmation, the termination. */
function fundingButtons(p: ProposalDetail, base: string, onDone: () => void): ReactNode[] {
  const out: ReactNode[] = [];
  if (isOffered(p, 'signAgreement'))
    out.push(
      <ActionButton
        key="agr"
        label="签订项目协议"
        tone="primary"
        path={`${base}/agreement`}
        fields={[{ name: 'agreementNo', label: '协议编号', required: true }]}
        onDone={onDone}
      />,
    );
  for (const t of tranchesFor(p, 'orderPayment'))
    out.push(
      <ActionButton
        key={`o${t.n}`}
        label={`下达第${t.n}期拨付指令`}
        path={`${base}/payments/${t.n}/order`}
        prompt={`第${t.n}期 ${yuan(t.amountFen)}，由财务复核后拨付。`}
        onDone={onDone}
      />,
    );
  for (const t of tranchesFor(p, 'confirmPayment'))
    out.push(
      <ActionButton
        key={`c${t.n}`}
        label={`复核确认第${t.n}期拨付`}
        tone="primary"
        path={`${base}/payments/${t.n}/confirm`}
        prompt={`确认拨付第${t.n}期 ${yuan(t.amountFen)}（须为下达指令以外的工作人员）。`}
        onDone={onDone}
      />,
    );
  if (isOffered(p, 'terminate'))
    out.push(
      <ActionButton
        key="term"
        label="终止项目"
        tone="danger"
        path={`${base}/termination`}
        fields={[
          { name: 'reason', label: '终止理由', kind: 'textarea', required: true },
          { name: 'clawback', label: '追回金额（元）', kind: 'yuan', initial: '0' },
        ]}
        body={(v) => ({ reason: v.reason, clawbackFen: yuanToFen(v.clawback || '0') })}
        onDone={onDone}
      />,
    );
  return out;
}

/** 中期、末期评估: the stage is the one the workflow offers the evaluation for (its probes). */
function evaluationButton(p: ProposalDetail, base: string, onDone: () => void): ReactNode[] {
  const stage = (['midterm', 'final'] as const).find((st) =>
    isOffered(p, 'evaluate', { stage: st }),
  );
  if (!stage) return [];
  return [
    <ActionButton
      key="eval"
      label={stage === 'final' ? '录入末期评估' : '录入中期评估'}
      tone="primary"
      path={`${base}/evaluations`}
      fields={[
        { name: 'score', label: '评估得分（0–100）', kind: 'number', required: true },
        { name: 'report', label: '评估报告', kind: 'textarea', required: true },
      ]}
      body={(v) => ({ stage, score: Number(v.score), report: v.report })}
      onDone={onDone}
    />,
  ];
}

/**
 * The decisions this person may take now on a proposal: only those the proposal's workflow
 * would accept from them (its allowedActions), each with the dialog it needs.
 */
export function ProposalActions({ p, onDone }: { p: ProposalDetail; onDone: () => void }) {
  const base = `/api/competition-proposals/${p.id}`;
  const buttons = [
    ...qualifyButtons(p, base, onDone),
    ...fundingButtons(p, base, onDone),
    ...evaluationButton(p, base, onDone),
  ];
  if (buttons.length === 0) return null;
  return (
    <Card title="可办理事项">
      <div className="action-buttons">{buttons}</div>
    </Card>
  );
}
