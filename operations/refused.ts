/**
 * Why a write outside the workflows did not happen, in the API's problem vocabulary (the route
 * answers it as RFC 9457 problem details through api/operations.ts). Operations never import
 * the API: they guard, write in one transaction with its audit entry, and refuse with this.
 */
export type RefusalCode =
  | 'bad_request'
  | 'not_found'
  | 'conflict'
  | 'unprocessable'
  | 'payload_too_large'
  | 'forbidden';

export class Refused extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
    readonly issues?: { path: string; message: string; label?: string }[],
  ) {
    super(message);
    this.name = 'Refused';
  }
}
