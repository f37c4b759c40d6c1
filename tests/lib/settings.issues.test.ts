import { describe, expect, it } from 'vitest';
import type { $ZodError } from 'zod/v4/core';
import { cadenceSettingsSchema, DEFAULT_CADENCE_SETTINGS } from '@/lib/domain/cadence';
import { DEFAULT_OPENING_HOURS, openingHoursSchema } from '@/lib/domain/business-time';
import { DEFAULT_SETTINGS, languageSettingSchema, settingsSchema, validOpeningHoursSchema } from '@/lib/settings';
import {
  conversionFloorSchema,
  DEFAULT_TEAM_SETTINGS_VALUES,
  describeSettingsIssues,
  monthlyTargetSchema,
  teamSettingsSchema,
  teamSettingsUpdateSchema,
  teamSettingsValuesSchema,
} from '@/lib/sync/team-settings';

// The settings schemas' whole answer (data, or every issue with its code, path, message and
// bounds) for valid and invalid values, pinned in the snapshot: the options forms map paths and
// custom messages to texts, the server sends the messages back, so a change of zod flavour or
// version must leave all of it as it was. Every flavour shares zod core and its English
// messages here, as on every page that also loads the team settings (options, background, server).

interface Parser {
  safeParse(value: unknown): { success: true; data: unknown } | { success: false; error: $ZodError };
}

function answer(schema: Parser, value: unknown) {
  const result = schema.safeParse(value);
  return result.success ? { data: result.data } : { issues: result.error.issues };
}

const MIN = 60_000;
const WEEK = 7 * 24 * 60 * MIN;
const S = DEFAULT_SETTINGS;
const H = DEFAULT_OPENING_HOURS;
const C = DEFAULT_CADENCE_SETTINGS;
const week = (day: number, hours: unknown) => ({ ...H, week: { ...H.week, [day]: hours } });
const steps = (...list: unknown[]) => ({ ...C, steps: list });
const withoutFloor = (({ conversionFloor: _floor, ...rest }) => rest)(S);

describe('settingsSchema', () => {
  it.each<[string, unknown]>([
    ['the defaults', S],
    ['names trimmed', { ...S, repName: '  Mark ', dealerName: ' AutoHuis\n' }],
    ['no conversion floor (stored before it existed): the default', withoutFloor],
    ['extra keys dropped', { ...S, admin: true }],
    ['the longest names', { ...S, repName: 'x'.repeat(80), dealerName: 'y'.repeat(120) }],
    ['a rep name one too long', { ...S, repName: 'x'.repeat(81) }],
    ['a dealer name one too long, after trimming', { ...S, dealerName: ` ${'y'.repeat(121)} ` }],
    ['an unknown language', { ...S, language: 'de' }],
    ['a numeric dealer name', { ...S, dealerName: 42 }],
    ['a negative monthly target', { ...S, monthlyTarget: -1 }],
    ['a fractional monthly target', { ...S, monthlyTarget: 2.5 }],
    ['a monthly target above 500', { ...S, monthlyTarget: 501 }],
    ['a monthly target as text', { ...S, monthlyTarget: '3' }],
    ['a conversion floor above 1', { ...S, conversionFloor: 1.5 }],
    ['a negative conversion floor', { ...S, conversionFloor: -0.1 }],
    ['quiet mode as text', { ...S, quietMode: 'yes' }],
    ['several bad fields', { ...S, repName: null, language: 1, quietMode: undefined, cadence: null }],
    ['null', null],
    ['text', 'garbage'],
    ['an array', ['Mark', 'nl']],
    ['an empty object', {}],
    ['an empty zone', { ...S, openingHours: { ...H, timeZone: '' } }],
    ['an unknown zone', { ...S, openingHours: { ...H, timeZone: 'Mars/Olympus' } }],
    ['an opening time without minutes', { ...S, openingHours: week(1, { open: '9', close: '18:00' }) }],
    ['closing at 24:00', { ...S, openingHours: week(5, { open: '09:00', close: '24:00' }) }],
    ['opening at 24:00', { ...S, openingHours: week(5, { open: '24:00', close: '24:00' }) }],
    ['a day that closes before it opens', { ...S, openingHours: week(2, { open: '17:00', close: '08:00' }) }],
    ['a week without open time', { ...S, openingHours: { ...H, week: { 0: null, 1: null, 2: null, 3: null, 4: null, 5: null, 6: null } } }],
    ['a weekday missing', { ...S, openingHours: { ...H, week: { ...H.week, 3: undefined } } }],
    ['a weekday as text', { ...S, openingHours: week(4, 'closed') }],
    ['a closed date in words', { ...S, openingHours: { ...H, closedDates: ['tomorrow'] } }],
    ['a closed date that does not exist', { ...S, openingHours: { ...H, closedDates: ['2025-02-30'] } }],
    ['an unknown Liberation Day rule', { ...S, openingHours: { ...H, liberationDay: 'sometimes' } }],
    ['every Liberation Day rule and optional holidays', { ...S, openingHours: { ...H, liberationDay: 'never', optionalHolidays: ['goede-vrijdag'] } }],
    ['an optional holiday id too long', { ...S, openingHours: { ...H, optionalHolidays: ['x'.repeat(41)] } }],
    ['a stretch goal longer than the SLA', { ...S, cadence: { ...C, stretchFirstAttemptSlaMs: 10 * MIN } }],
    ['same-day steps out of order', { ...S, cadence: steps({ kind: 'after', ms: 10 * MIN }, { kind: 'after', ms: 0 }) }],
    ['day steps out of order', { ...S, cadence: steps({ kind: 'day', day: 4 }, { kind: 'day', day: 2 }) }],
    ['a same-day step after a day step', { ...S, cadence: steps({ kind: 'day', day: 2 }, { kind: 'after', ms: 0 }) }],
    ['no steps', { ...S, cadence: steps() }],
  ])('%s', (_name, value) => {
    expect(answer(settingsSchema, value)).toMatchSnapshot();
  });
});

describe('cadenceSettingsSchema', () => {
  it.each<[string, unknown]>([
    ['the defaults', C],
    ['31 steps', steps(...Array.from({ length: 31 }, (_, i) => ({ kind: 'after', ms: i * MIN })))],
    ['a fractional step', steps({ kind: 'after', ms: 1.5 })],
    ['a step beyond a week', steps({ kind: 'after', ms: WEEK + 1 })],
    ['day 0', steps({ kind: 'day', day: 0 })],
    ['day 61', steps({ kind: 'day', day: 61 })],
    ['an unknown step kind', steps({ kind: 'hour', hour: 1 })],
    ['a step without its kind', steps({ ms: 0 })],
    ['a first burst of no attempts', { ...C, firstBurst: { attempts: 0, withinMs: 30 * MIN } }],
    ['no first burst', { ...C, firstBurst: undefined }],
    ['closing after 31 attempts', { ...C, closeAfterAttempts: 31 }],
    ['a negative grace', { ...C, graceMs: -1 }],
    ['an SLA that is not a number', { ...C, firstAttemptSlaMs: Number.NaN }],
    ['an infinite SLA', { ...C, firstAttemptSlaMs: Number.POSITIVE_INFINITY }],
    ['an SLA beyond a safe integer', { ...C, firstAttemptSlaMs: 2 ** 60 }],
    ['a negative SLA, stretch above it and steps out of order', { ...C, firstAttemptSlaMs: -1, steps: [{ kind: 'day', day: 3 }, { kind: 'after', ms: 0 }, { kind: 'day', day: 1 }] }],
  ])('%s', (_name, value) => {
    expect(answer(cadenceSettingsSchema, value)).toMatchSnapshot();
  });
});

describe('the fields on their own', () => {
  it.each<[string, Parser, unknown]>([
    ['opening hours, shape only: a day that closes before it opens', openingHoursSchema, week(2, { open: '17:00', close: '08:00' })],
    ['opening hours, shape only: not an object', openingHoursSchema, 'always'],
    ['valid opening hours: an unknown zone and a bad date', validOpeningHoursSchema, { ...H, timeZone: 'Nowhere/Land', closedDates: ['2025-13-01', '2025-02-29'] }],
    ['language: nl', languageSettingSchema, 'nl'],
    ['language: NL', languageSettingSchema, 'NL'],
    ['monthly target: 500', monthlyTargetSchema, 500],
    ['monthly target: -0.5', monthlyTargetSchema, -0.5],
    ['conversion floor: 0', conversionFloorSchema, 0],
    ['conversion floor: 2', conversionFloorSchema, 2],
    ['one settings field (parseSettings reads them so)', settingsSchema.shape.cadence, { ...C, graceMs: 'soon' }],
  ])('%s', (_name, schema, value) => {
    expect(answer(schema, value)).toMatchSnapshot();
  });
});

// The team's schemas are built from the same fields (on the server and in the extension).
describe('team settings', () => {
  const V = DEFAULT_TEAM_SETTINGS_VALUES;
  it.each<[string, Parser, unknown]>([
    ['values: the defaults', teamSettingsValuesSchema, V],
    ['values: inverted hours and a long stretch goal', teamSettingsValuesSchema, { ...V, openingHours: week(1, { open: '18:00', close: '09:00' }), cadence: { ...C, stretchFirstAttemptSlaMs: WEEK } }],
    ['values: a target of 1000', teamSettingsValuesSchema, { ...V, monthlyTarget: 1000 }],
    ['stored: the defaults at version 1', teamSettingsSchema, { ...V, version: 1, updatedAt: 0, updatedBy: '' }],
    ['stored: version 0', teamSettingsSchema, { ...V, version: 0, updatedAt: 0, updatedBy: '' }],
    ['update: the defaults', teamSettingsUpdateSchema, { ...V, baseVersion: 1 }],
    ['update: an unknown key', teamSettingsUpdateSchema, { ...V, baseVersion: 1, quietMode: true }],
    ['update: a week without open time', teamSettingsUpdateSchema, { ...V, baseVersion: 2, openingHours: { ...H, week: { 0: null, 1: null, 2: null, 3: null, 4: null, 5: null, 6: null } } }],
  ])('%s', (_name, schema, value) => {
    expect(answer(schema, value)).toMatchSnapshot();
  });

  it('describes a refused update in English, opening-hours codes as text', () => {
    const result = teamSettingsUpdateSchema.safeParse({
      ...V,
      baseVersion: 0,
      monthlyTarget: 600,
      openingHours: { ...week(1, { open: '18:00', close: '09:00' }), timeZone: 'Mars/Olympus' },
      cadence: { ...C, stretchFirstAttemptSlaMs: WEEK },
    });
    expect(result.success).toBe(false);
    if (!result.success) expect(describeSettingsIssues(result.error, 10)).toMatchSnapshot();
  });
});
