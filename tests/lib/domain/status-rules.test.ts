import { describe, expect, it } from 'vitest';
import type { LeadStatus } from '@/lib/domain/model';
import {
  crmStatusChange,
  DEFAULT_STATUS_RULES,
  normaliseStatusText,
  readCrmStatus,
  statusRulesSchema,
  type CrmStatusReading,
  type StatusRule,
} from '@/lib/domain/status-rules';

describe('readCrmStatus with the default rules', () => {
  it.each<[string, CrmStatusReading]>([
    // sold, in four languages and CRM phrasing
    ['Verkocht', { kind: 'status', status: 'sold' }],
    ['Sold', { kind: 'status', status: 'sold' }],
    ['Closed Won', { kind: 'status', status: 'sold' }],
    ['Afgeleverd', { kind: 'status', status: 'sold' }],
    ['Delivered', { kind: 'status', status: 'sold' }],
    ['Verkauft', { kind: 'status', status: 'sold' }],
    ['Vendu', { kind: 'status', status: 'sold' }],
    ['  VERKOCHT  ', { kind: 'status', status: 'sold' }],
    // lost, with the reason where the text gives one
    ['Verloren', { kind: 'status', status: 'lost', lostReason: 'other' }],
    ['Lost', { kind: 'status', status: 'lost', lostReason: 'other' }],
    ['Closed Lost', { kind: 'status', status: 'lost', lostReason: 'other' }],
    ['Perdu', { kind: 'status', status: 'lost', lostReason: 'other' }],
    ['Lost - bought elsewhere', { kind: 'status', status: 'lost', lostReason: 'bought_elsewhere' }],
    ['Verloren: elders gekocht', { kind: 'status', status: 'lost', lostReason: 'bought_elsewhere' }],
    ['Duplicate', { kind: 'status', status: 'lost', lostReason: 'duplicate' }],
    ['Dubbel', { kind: 'status', status: 'lost', lostReason: 'duplicate' }],
    ['Wrong number', { kind: 'status', status: 'lost', lostReason: 'wrong_number' }],
    ['Verkeerd nummer', { kind: 'status', status: 'lost', lostReason: 'wrong_number' }],
    ['Not interested', { kind: 'status', status: 'lost', lostReason: 'not_interested' }],
    ['Verloren – geen interesse', { kind: 'status', status: 'lost', lostReason: 'not_interested' }],
    ['Niet verkocht', { kind: 'status', status: 'lost', lostReason: 'other' }],
    ['Lost after appointment', { kind: 'status', status: 'lost', lostReason: 'other' }],
    // the stages in between
    ['Afspraak', { kind: 'status', status: 'appointment' }],
    ['Appointment set', { kind: 'status', status: 'appointment' }],
    ['Termin', { kind: 'status', status: 'appointment' }],
    ['Rendez-vous', { kind: 'status', status: 'appointment' }],
    ['Visit scheduled', { kind: 'status', status: 'appointment' }],
    ['Showroombezoek', { kind: 'status', status: 'shown' }],
    ['Shown', { kind: 'status', status: 'shown' }],
    ['Visit', { kind: 'status', status: 'shown' }],
    ['Bezoek', { kind: 'status', status: 'shown' }],
    ['Appointment shown', { kind: 'status', status: 'shown' }],
    ['Contacted', { kind: 'status', status: 'contacted' }],
    ['Gesproken', { kind: 'status', status: 'contacted' }],
    ['Working - Contacted', { kind: 'status', status: 'contacted' }],
    // known, and no change
    ['In behandeling', { kind: 'ignored' }],
    ['Working', { kind: 'ignored' }],
    ['Open', { kind: 'ignored' }],
    ['New', { kind: 'ignored' }],
    ['Nieuw', { kind: 'ignored' }],
    ['Open - Not Contacted', { kind: 'ignored' }],
    // unknown: listed in Options for mapping; whole words only
    ['Wacht op financiering', { kind: 'unknown' }],
    ['Lostrijk', { kind: 'unknown' }],
    ['Wonderful', { kind: 'unknown' }],
    ['', { kind: 'unknown' }],
    ['—', { kind: 'unknown' }],
  ])('%j → %j', (raw, expected) => {
    expect(readCrmStatus(raw)).toEqual(expected);
  });
});

describe('readCrmStatus with a dealer’s rules', () => {
  const rules: StatusRule[] = [
    { match: 'Wacht op financiering', status: 'appointment' },
    { match: 'Geannuleerd', status: 'lost', lostReason: 'not_interested' },
    { match: 'Archief', status: 'ignore' },
    { match: 'Afgerond', status: 'lost' },
  ];
  it.each<[string, CrmStatusReading]>([
    ['wacht op financiering', { kind: 'status', status: 'appointment' }],
    ['Geannuleerd door klant', { kind: 'status', status: 'lost', lostReason: 'not_interested' }],
    ['Archief', { kind: 'ignored' }],
    ['Afgerond', { kind: 'status', status: 'lost', lostReason: 'other' }],
    ['Verkocht', { kind: 'unknown' }],
  ])('%j → %j', (raw, expected) => {
    expect(readCrmStatus(raw, rules)).toEqual(expected);
  });

  it('first match wins', () => {
    expect(readCrmStatus('Sold out', [{ match: 'sold out', status: 'ignore' }, ...DEFAULT_STATUS_RULES])).toEqual({ kind: 'ignored' });
  });
});

describe('normaliseStatusText', () => {
  it.each([
    ['Rendez-vous', 'rendez vous'],
    ['Contacté', 'contacte'],
    ['  Closed   Won ', 'closed won'],
    ['Lost/bought elsewhere', 'lost bought elsewhere'],
  ])('%j → %j', (raw, expected) => expect(normaliseStatusText(raw)).toBe(expected));
});

describe('crmStatusChange: forward only, once, never out of an end state', () => {
  const sold: CrmStatusReading = { kind: 'status', status: 'sold' };
  const lost: CrmStatusReading = { kind: 'status', status: 'lost', lostReason: 'bought_elsewhere' };
  const appointment: CrmStatusReading = { kind: 'status', status: 'appointment' };
  const contacted: CrmStatusReading = { kind: 'status', status: 'contacted' };
  it.each<[string, LeadStatus, CrmStatusReading, LeadStatus[], ReturnType<typeof crmStatusChange>]>([
    ['open → sold', 'open', sold, [], { status: 'sold' }],
    ['contacted → appointment', 'contacted', appointment, [], { status: 'appointment' }],
    ['shown → lost, with its reason', 'shown', lost, [], { status: 'lost', lostReason: 'bought_elsewhere' }],
    ['the same status again: nothing', 'appointment', appointment, [], null],
    ['an earlier status: nothing', 'appointment', contacted, [], null],
    ['a sold lead is never changed', 'sold', lost, [], null],
    ['a lost lead is never changed', 'lost', sold, [], null],
    ['ignored text: nothing', 'open', { kind: 'ignored' }, [], null],
    ['unknown text: nothing', 'open', { kind: 'unknown' }, [], null],
    ['a rep reopened what the CRM closed: not again', 'open', sold, ['sold'], null],
    ['a later stage the CRM has not set yet', 'open', sold, ['appointment'], { status: 'sold' }],
  ])('%s', (_name, status, reading, already, expected) => {
    expect(crmStatusChange({ status }, reading, already)).toEqual(expected);
  });
});

describe('statusRulesSchema', () => {
  it('accepts the defaults', () => expect(statusRulesSchema.safeParse(DEFAULT_STATUS_RULES).success).toBe(true));
  it.each([
    [[{ match: '', status: 'sold' }]],
    [[{ match: 'x', status: 'won' }]],
    [[{ match: 'x', status: 'lost', lostReason: 'because' }]],
  ])('refuses %j', (rules) => expect(statusRulesSchema.safeParse(rules).success).toBe(false));
});
