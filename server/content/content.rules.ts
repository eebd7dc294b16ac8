import { type z } from 'zod';
import { campaignTextRules } from '../campaigns/campaign.rules.js';
import { caseTextRules } from '../cases/case.rules.js';
import { eventTextRules } from '../events/event.rules.js';
import { facultyTextRules } from '../faculties/faculty.rules.js';
import { pickupPointTextRules } from '../kits/pickup-point.rules.js';
import { ContentSubject } from './content.types.js';

/**
 * The translatable texts of each kind of object: their GraphQL field names (also the entities'
 * property names), in the order an editor lists them, each with its rules, which every language
 * shares. What is not here (slugs, postal addresses, numbers) has one value for every language.
 */
export const translatableFields: Record<ContentSubject, Readonly<Record<string, z.ZodType<string | null>>>> = {
  [ContentSubject.CAMPAIGN]: campaignTextRules,
  [ContentSubject.CASE]: caseTextRules,
  [ContentSubject.EVENT]: eventTextRules,
  [ContentSubject.FACULTY]: facultyTextRules,
  [ContentSubject.PICKUP_POINT]: pickupPointTextRules,
};

/** The field an organiser recognises an object by: its English name or title. */
export const labelField: Record<ContentSubject, string> = {
  [ContentSubject.CAMPAIGN]: 'title',
  [ContentSubject.CASE]: 'name',
  [ContentSubject.EVENT]: 'title',
  [ContentSubject.FACULTY]: 'name',
  [ContentSubject.PICKUP_POINT]: 'name',
};

export const fieldsOf = (subject: ContentSubject): string[] => Object.keys(translatableFields[subject]);
