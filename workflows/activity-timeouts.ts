/**
 * How long an activity may run before Temporal gives it to another worker. A worker killed
 * mid-activity holds its workflow, and every decision queued behind it, until then. Our
 * activities take well under a second (a PDF up to about three on a loaded machine): this fits
 * them with room to spare, and a retried activity changes nothing (they are idempotent).
 */
export const ACTIVITY_TIMEOUT = '15 seconds';
