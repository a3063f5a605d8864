import { localDateOf } from '../../domain/calendar';
import { nextCounterIn as nextCounter } from '../../lib/counter';
import type { Db } from '../../lib/db';
import { ACTIVITY_ERRORS, nonRetryable } from '../errors';

/** 受理编号, allocated once per registration (a retry returns the number already given). */
export function makeIssueReceiptNumber(db: Db, shortName: string, now: () => number) {
  return async function issueReceiptNumber(input: { registrationId: string }): Promise<string> {
    return db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<{ receiptNo: string | null }[]>`
        SELECT "receiptNo" FROM "Registration" WHERE id = ${input.registrationId}::uuid FOR UPDATE`;
      const row = rows[0];
      if (!row)
        throw nonRetryable(ACTIVITY_ERRORS.NOT_FOUND, `登记申请 ${input.registrationId} 不存在`);
      if (row.receiptNo) return row.receiptNo;
      const year = localDateOf(now()).slice(0, 4);
      const n = await nextCounter(tx, `receipt:${year}`);
      const receiptNo = `${shortName}登受字〔${year}〕第${String(n).padStart(4, '0')}号`;
      await tx.registration.update({ where: { id: input.registrationId }, data: { receiptNo } });
      return receiptNo;
    });
  };
}
