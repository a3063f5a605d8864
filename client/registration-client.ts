import {
  type Client,
  QueryNotRegisteredError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
} from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { HolidayCalendar } from '../domain/calendar';
import {
  calendarUpdatedSignal,
  type RegistrationInput,
  type RegistrationView,
  registrationPageQuery,
  registrationStatusQuery,
  registrationWorkflowId,
  registrationWorkflowType,
} from '../workflows/registration/messages';
import { DEFAULT_LIMITS, type TemporalLimits, withinBound } from './bounded';
import { executeUpdate } from './execute-update';
import { queryOffers } from './query-offers';
import type { Offered } from '../workflows/shared/messages';

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

    /**
     * The live view and the decisions open to this person, in one Query; null when the workflow
     * (or its history) is gone. A worker older than the Query answers it as two.
     */
    async page(
      registrationId: string,
      actor: object,
      waitMs = limits.requestMs,
    ): Promise<{ view: RegistrationView; offered: Offered[] } | null> {
      try {
        return await withinBound(client, waitMs, () =>
          handle(registrationId).query(registrationPageQuery, { actor }),
        );
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) return null;
        if (!(err instanceof QueryNotRegisteredError)) throw err;
      }
      const view = await this.status(registrationId, waitMs);
      if (!view) return null;
      return { view, offered: await this.offers(registrationId, actor, waitMs) };
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
