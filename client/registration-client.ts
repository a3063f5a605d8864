import { type Client, WorkflowNotFoundError } from '@temporalio/client';
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
import { executeUpdate } from './execute-update';

/** The API's handle on registration workflows: start, read, decide, inform. */
export function createRegistrationClient(client: Client, taskQueue: string) {
  const handle = (registrationId: string) =>
    client.workflow.getHandle(registrationWorkflowId(registrationId));
  return {
    /** Idempotent: the workflow id is the registration's business key. */
    async start(input: RegistrationInput): Promise<void> {
      await client.workflow.start(registrationWorkflowType, {
        taskQueue,
        workflowId: registrationWorkflowId(input.registrationId),
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    },

    /** The live view, or null when the workflow (or its history) is gone. */
    async status(registrationId: string): Promise<RegistrationView | null> {
      try {
        return await handle(registrationId).query(registrationStatusQuery);
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) return null;
        throw err;
      }
    },

    async update<A>(
      registrationId: string,
      def: UpdateDefinition<RegistrationView, [A]>,
      args: A,
    ): Promise<RegistrationView> {
      return executeUpdate(handle(registrationId), def, args);
    },

    async signalCalendar(registrationIds: string[], calendar: HolidayCalendar): Promise<number> {
      let delivered = 0;
      for (const id of registrationIds) {
        try {
          await handle(id).signal(calendarUpdatedSignal, calendar);
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
