import { proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { ProposalEffect } from './proposal-actions';
import type { ProposalState } from './proposal-rules';

// Short DB writes and outbox rows: local activities, so a decision costs one workflow task and
// a marker instead of a round trip through the server (thousands of proposals make this count).
const act = proxyLocalActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 10 },
});

/**
 * The one effects runner of a proposal: each effect one activity, in the transition's order.
 * The only answer the state takes back is the judge the round seats in place of a conflicted one.
 */
export async function runProposalEffects(s: ProposalState, effects: ProposalEffect[]) {
  const { proposalId, roundId, organizationId } = s.input;
  for (const e of effects) {
    switch (e.kind) {
      case 'audit': {
        const { kind: _k, ...audit } = e;
        await act.recordAudit({ proposalId, ...audit });
        break;
      }
      case 'status':
        await act.recordProposalStatus({ proposalId, status: e.status, note: e.note });
        break;
      case 'mail':
        await act.notifyCompetition({
          key: `${proposalId}/${e.step}`,
          template: e.template,
          organizationId,
          proposalId,
          context: e.context ?? {},
        });
        break;
      case 'declaration':
        await act.recordDeclaration({
          roundId,
          proposalId,
          phase: e.phase,
          judgeId: e.judgeId,
          conflict: e.conflict,
          note: e.note,
        });
        break;
      case 'replaceJudge': {
        const replacement = await act.replaceJudge({
          roundId,
          proposalId,
          phase: e.phase,
          organizationId,
          replacing: e.replacing,
        });
        if (replacement) s.panels[e.phase].push(replacement);
        break;
      }
      case 'score': {
        const { kind: _k, ...sheet } = e;
        await act.recordScore({ roundId, proposalId, ...sheet });
        break;
      }
      case 'payment': {
        const { kind: _k, ...payment } = e;
        await act.recordPayment({ roundId, proposalId, ...payment });
        break;
      }
      case 'evaluation': {
        const { kind: _k, ...evaluation } = e;
        await act.recordEvaluation({ roundId, proposalId, ...evaluation });
        break;
      }
    }
  }
}
