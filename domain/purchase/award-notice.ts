/**
 * The award notice of a purchase project (成交结果通知书, issue 15 points 7 and 11): its title
 * and the document key its seal is stored under. Plain data for every layer.
 */

export const AWARD_NOTICE_TITLE = '政府购买服务成交结果通知书';

/** The seal's document key of a project's award notice: one notice per project. */
export const awardNoticeKey = (projectId: string) => `purchase-award-notice:${projectId}`;
