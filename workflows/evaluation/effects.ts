import type {
  EvaluationMailContext,
  EvaluationTemplate,
} from '../../activities/evaluation/templates';
import type { FileAudit, FilePatch } from '../../activities/evaluation/record-file';
import type { ComplaintPatch } from '../../activities/evaluation/record-complaint';
import type { ScoreSheet } from '../../domain/evaluation/scoring';

/**
 * What an evaluation transition (a file's or a complaint's) asks the outside world to do, in
 * order; the runners in run-effects.ts run each as one activity. The runner stamps the time of
 * each write (as the steps did before they were pure) and keys mails by the workflow.
 */

/** A mail's audience as the notifyEvaluation activity takes it. */
export interface MailTo {
  organization?: boolean;
  accountIds?: string[];
  /** The evaluation office (every account of its roles). */
  office?: boolean;
  /** The complainant of this complaint, whose public address stays in PostgreSQL. */
  complainantOf?: string;
}

export type EvaluationEffect = FileEffect | ComplaintEffect;

type CommonEffect =
  /** One state change: the projection and its audit row together (seq makes a retry a no-op). */
  | { kind: 'record'; audit: Omit<FileAudit, 'at'>; patch: FilePatch | ComplaintPatch }
  | {
      kind: 'mail';
      step: string;
      template: EvaluationTemplate;
      to: MailTo;
      context: EvaluationMailContext;
      attachmentFileIds?: string[];
    };

/** A file's effects: besides records and mails, the panel's writes and announcements. */
export type FileEffect =
  | CommonEffect
  | {
      kind: 'announce';
      key: string;
      announcement: 'evaluation_publicity' | 'evaluation_result' | 'evaluation_disqualified';
      title: string;
      body: string;
      channels: string[];
      at: number;
    }
  | {
      kind: 'assignment';
      evaluatorId: string;
      status: 'cleared' | 'conflicted' | 'recused';
      note: string | null;
    }
  | { kind: 'sheet'; evaluatorId: string; sheet: ScoreSheet; total: number }
  | {
      kind: 'vote';
      body: 'committee' | 'review';
      round: number;
      memberId: string;
      approve: boolean;
    };

/** A complaint's effects: besides records and mails, the review committee's votes. */
export type ComplaintEffect =
  | CommonEffect
  | { kind: 'complaintVote'; round: number; memberId: string; approve: boolean };
