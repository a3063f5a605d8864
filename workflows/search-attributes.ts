import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Custom search attributes registered on the server (dev server flags, compose init job).
 * Business keys only: search attributes are stored unencrypted, so no personal data here.
 */
export const SEARCH_ATTRIBUTES = {
  MzProcess: 'Keyword',
  MzStatus: 'Keyword',
} as const;

export const MZ_PROCESS = defineSearchAttributeKey('MzProcess', SearchAttributeType.KEYWORD);
export const MZ_STATUS = defineSearchAttributeKey('MzStatus', SearchAttributeType.KEYWORD);
