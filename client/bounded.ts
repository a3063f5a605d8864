import {
  isGrpcCancelledError,
  isGrpcDeadlineError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';

/** How long the API waits for Temporal: an Update or Query (the bound) and a page's live view. */
export interface TemporalLimits {
  /** Every Update, Query and start; past it the caller answers 503 with Retry-After. */
  requestMs: number;
  /** A page that has a stored view shows it once the live one takes longer than this. */
  liveViewMs: number;
}

export const DEFAULT_LIMITS: TemporalLimits = { requestMs: 10_000, liveViewMs: 2_000 };

/**
 * Temporal did not answer within the bound: no worker polls, or the server is away. For an
 * Update the outcome is unknown (the server may have admitted it and will apply it later).
 */
export class TemporalTimeoutError extends Error {
  constructor(
    readonly waitedMs: number,
    readonly outcomeUnknown: boolean,
  ) {
    super(`Temporal did not answer within ${waitedMs} ms`);
    this.name = 'TemporalTimeoutError';
  }
}

/** The part of a client that scopes a gRPC deadline (Client, WorkflowClient). */
interface DeadlineScope {
  withDeadline<R>(deadline: number | Date, fn: () => Promise<R>): Promise<R>;
}

/**
 * Runs `fn` with every gRPC call in it bounded by one deadline, and gives up at the deadline
 * even when the SDK is sleeping between retries of an unreachable server.
 */
export async function withinBound<T>(
  scope: DeadlineScope,
  ms: number,
  fn: () => Promise<T>,
  opts: { outcomeUnknown?: boolean } = {},
): Promise<T> {
  const timeout = () => new TemporalTimeoutError(ms, opts.outcomeUnknown ?? false);
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeout()), ms + 250);
  });
  const deadline = Date.now() + ms;
  try {
    return await Promise.race([scope.withDeadline(deadline, fn), expired]);
  } catch (err) {
    if (err instanceof TemporalTimeoutError || !ranOutOfTime(err)) throw err;
    throw timeout();
  } finally {
    clearTimeout(timer);
  }
}

/** The call ended because its deadline passed (the SDK reports an Update's as its own error). */
function ranOutOfTime(err: unknown): boolean {
  return (
    err instanceof WorkflowUpdateRPCTimeoutOrCancelledError ||
    isGrpcDeadlineError(err) ||
    isGrpcCancelledError(err)
  );
}
