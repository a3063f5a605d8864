import type { ActivityDeps } from '..';
import { makeFunding } from './funding';
import { makeNotifyCompetition } from './notify';
import { makeProposalRecords } from './record-proposal';
import { makeRoundStage } from './round-stage';
import { makeScoringPhase } from './scoring-phase';

/** Every activity of the competition process (公益创投), built over the shared ports. */
export function createCompetitionActivities(deps: ActivityDeps) {
  const notifyCompetition = makeNotifyCompetition(deps.db, deps.outbox, {
    portalUrl: deps.config.publicUrl,
  });
  return {
    notifyCompetition,
    ...makeProposalRecords(deps.db),
    ...makeRoundStage(
      deps.db,
      {
        shortName: deps.config.AUTHORITY_SHORT_NAME,
        authority: deps.config.AUTHORITY_NAME,
        sealer: deps.sealer,
      },
      deps.now,
    ),
    ...makeScoringPhase(deps.db, notifyCompetition),
    ...makeFunding(deps.db, notifyCompetition),
  };
}

export type CompetitionActivities = ReturnType<typeof createCompetitionActivities>;
