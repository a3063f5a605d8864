import {
  type Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
} from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { HolidayCalendar } from '../domain/calendar';
import {
  calendarUpdatedSignal,
  type RegistrationInput,
  type RegistrationView,
  registrationStatusQuery,
  registrationWorkflowId,
  registrationWorkflowType,
} from '../workflows/registration/messages';
import { DEFAULT_LIMITS, type TemporalLimits, withinBound } from './bounded';
import { executeUpdate } from './execute-update';
import { queryOffers } from './query-offers';

/** The API's handle on registration workflows: start, read, decide, inform. */
export function createRegistrationClient(
  client: Client,
  taskQueue: string,
  limits: TemporalLimits = DEFAULT_LIMITS,
) {
  const handle = (registrationId: string) =>
    client.workflow.getHandle(registrationWorkflowId(registrationId));
  return {
    /** Idempotent: the workflow id is the registration's business key (one that ended counts). */
    async start(input: RegistrationInput): Promise<void> {
      try {
        await withinBound(client, limits.requestMs, () =>
          client.workflow.start(registrationWorkflowType, {
            taskQueue,
            workflowId: registrationWorkflowId(input.registrationId),
            args: [input],
            workflowIdConflictPolicy: 'USE_EXISTING',
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
          }),
        );
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      }
    },

    /** The live view, or null when the workflow (or its history) is gone. */
    async status(
      registrationId: string,
      waitMs = limits.requestMs,
    ): Promise<RegistrationView | null> {
      try {
        return await withinBound(client, waitMs, () =>
          handle(registrationId).query(registrationStatusQuery),
        );
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) return null;
        throw err;
      }
    },

    /** The decisions open to this person now (names of the workflow's Updates). */
    offers(registrationId: string, actor: object, waitMs = limits.requestMs) {
      return queryOffers(client, handle(registrationId), actor, waitMs);
    },

    async update<A>(
      registrationId: string,
      def: UpdateDefinition<RegistrationView, [A]>,
      args: A,
      updateId?: string,
    ): Promise<RegistrationView> {
      return executeUpdate(handle(registrationId), def, args, {
        updateId,
        timeoutMs: limits.requestMs,
      });
    },

    async signalCalendar(registrationIds: string[], calendar: HolidayCalendar): Promise<number> {
      let delivered = 0;
      for (const id of registrationIds) {
        try {
          await withinBound(client, limits.requestMs, () =>
            handle(id).signal(calendarUpdatedSignal, calendar),
          );
          delivered++;
        } catch (err) {
          if (!(err instanceof WorkflowNotFoundError)) throw err;
        }
      }
      return delivered;
    },
  };
}

export type RegistrationClient = ReturnType<typeof createRegistrationClient>;
