import type { UpdateDefinition } from '@temporalio/common';
import { setHandler } from '@temporalio/workflow';
import { Mutex } from '../mutex';
import { failIf } from './failure';
import { allowedActionsQuery, type Offered } from './messages';
import { type Offer, offeredTo } from './offer';
import type { Refusal } from './refusal';

export interface ServeOptions {
  /** Runs under the lock before the check (due timers: the law's effect does not wait). */
  before?: () => Promise<void>;
  /** Refuses every decision for now (checked first by validators and offers alike). */
  hold?: () => Refusal | null;
}

export interface DecisionOptions<A> {
  /** The objects the decision may be about, for offering (see offer.ts). */
  probes?: (actor: object) => object[];
  /** Runs under the lock before the check, with the arguments (news the request carries). */
  prepare?: (a: A) => void;
  /** The validator's check when it differs from the handler's (it must not change state). */
  validate?: (a: A) => Refusal | null;
}

/**
 * The one Update-serving loop of every process: each decision's validator and handler run the
 * same check; handlers run one at a time under one lock (a timer and an Update, or two Updates,
 * never interleave their effects), and `changes` counts what the main loop waits on. The same
 * checks answer which decisions are open to a person (the allowedActions Query).
 */
export class UpdateServer {
  readonly lock = new Mutex();
  /** Bumped after every accepted decision (and by signals that should wake the main loop). */
  changes = 0;
  private readonly offers: Offer[] = [];

  constructor(private readonly opts: ServeOptions = {}) {}

  on<A, R>(
    def: UpdateDefinition<R, [A]>,
    check: (a: A) => Refusal | null,
    run: (a: A) => Promise<R>,
    opts: DecisionOptions<A> = {},
  ): void {
    const { before, hold } = this.opts;
    const { probes, prepare, validate = check } = opts;
    this.offers.push({ name: def.name, check: (a: A) => hold?.() ?? validate(a), probes });
    setHandler(
      def,
      (a: A) =>
        this.lock.run(async () => {
          if (before) await before();
          if (prepare) prepare(a);
          failIf(check(a));
          const out = await run(a);
          this.changes++;
          return out;
        }),
      {
        validator: (a: A) => {
          failIf(hold?.() ?? null);
          failIf(validate(a));
        },
      },
    );
  }

  offeredTo(actor: object): Offered[] {
    return offeredTo(this.offers, actor);
  }

  /** Answers the allowedActions Query; call once every decision is registered. */
  serveOffers(): void {
    setHandler(allowedActionsQuery, ({ actor }) => this.offeredTo(actor));
  }
}
