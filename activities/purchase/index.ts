import type { ActivityDeps } from '..';
import { makeLoadPurchaseRules } from './load-rules';
import { makeNotifyPurchase } from './notify-purchase';
import { makePublishPurchaseAnnouncement } from './publish-announcement';
import { makeRecordPurchase } from './record-purchase';

/** The purchase process's activities, built over the shared ports. */
export function createPurchaseActivities(deps: ActivityDeps) {
  const { db, outbox, config } = deps;
  return {
    loadPurchaseRules: makeLoadPurchaseRules(db, config.DISTRICT_CODE),
    recordPurchase: makeRecordPurchase(db, {
      authority: config.AUTHORITY_NAME,
      sealer: deps.sealer,
    }),
    publishPurchaseAnnouncement: makePublishPurchaseAnnouncement(db),
    notifyPurchase: makeNotifyPurchase(db, outbox, {
      portalUrl: config.publicUrl,
      authority: config.AUTHORITY_NAME,
    }),
  };
}
