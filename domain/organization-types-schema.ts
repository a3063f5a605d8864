import { z } from 'zod';
import { CATEGORIES, LEGAL_FORMS } from './organization-types';

/** The closed lists of organization-types.ts as zod enums, kept apart so workflows stay zod-free. */
export const legalFormSchema = z.enum(LEGAL_FORMS);
export const categorySchema = z.enum(CATEGORIES);
