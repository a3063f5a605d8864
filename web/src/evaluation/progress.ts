/** The campaign's progress counters (from the files' projection) and their words. */
export const PROGRESS: [string, string][] = [
  ['applied', '申报'],
  ['assessed', '已审查'],
  ['ineligible', '不予受理'],
  ['scored', '已评分'],
  ['decided', '已评定'],
  ['objected', '异议复核'],
  ['confirmed', '已确认'],
];
