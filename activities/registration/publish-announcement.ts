import { localDateOf } from '../../domain/calendar';
import type { Application } from '../../domain/registration/application';
import type { Db } from '../../lib/db';
import type { CaseSummary } from '../../workflows/registration/outputs';
import { chineseDate, formatYuan } from '../documents/pdf-layout';

/** 成立登记公告 (社团条例 art. 23 and its siblings), once per registration. */
export function makePublishRegistrationAnnouncement(db: Db, authority: string) {
  return async function publishRegistrationAnnouncement(input: {
    key: string;
    registrationId: string;
    organizationId: string;
    summary: CaseSummary;
    application: Application;
    channels: string[];
    legalBasis: string;
    publishedAt: number;
  }): Promise<string> {
    const { summary: c, application: app } = input;
    const title = `${authority}关于准予${c.name}成立登记的公告`;
    const body = [
      `根据${input.legalBasis}的规定，${authority}准予${c.name}成立登记，现予公告。`,
      `名称：${c.name}`,
      `统一社会信用代码：${c.creditCode ?? ''}`,
      `组织类型：${c.legalFormLabel}（${c.categoryLabel}）`,
      `住所：${app.domicile}`,
      `法定代表人：${app.legalRepresentative.name}`,
      `业务范围：${app.businessScope}`,
      `${app.legalForm === 'foundation' ? '原始基金' : app.legalForm === 'social_group' ? '活动资金' : '开办资金'}：${formatYuan(app.funds.amount)}`,
      `登记日期：${chineseDate(localDateOf(input.publishedAt))}`,
    ].join('\n');
    const row = await db.announcement.upsert({
      where: { key: input.key },
      update: {},
      create: {
        key: input.key,
        kind: 'registration_approved',
        subjectType: 'registration',
        subjectId: input.registrationId,
        title,
        body,
        channels: input.channels,
        publishedAt: new Date(input.publishedAt),
      },
    });
    return row.id;
  };
}
