import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRIPTS } from '@/lib/domain/scripts-library';
import { firstName, PLACEHOLDERS, renderTemplate, type PlaceholderValues, type Segment } from '@/lib/domain/scripts';

const FULL: PlaceholderValues = {
  'customer.firstName': 'Sanne',
  'customer.name': 'Sanne de Vries',
  vehicle: 'VW Golf',
  'rep.firstName': 'Mark',
  'dealer.name': 'AutoHuis',
  source: 'Marktplaats',
};

const text = (t: string): Segment => ({ kind: 'text', text: t });
const value = (t: string): Segment => ({ kind: 'value', text: t });
const blank = (name: string): Segment => ({ kind: 'blank', name });

describe('renderTemplate', () => {
  it.each<{ name: string; template: string; values: PlaceholderValues; expected: Segment[] }>([
    { name: 'empty template', template: '', values: FULL, expected: [] },
    { name: 'no placeholders', template: 'Log the outcome below.', values: FULL, expected: [text('Log the outcome below.')] },
    {
      name: 'filled values between text',
      template: 'Hi {customer.firstName}, this is {rep.firstName}.',
      values: FULL,
      expected: [text('Hi '), value('Sanne'), text(', this is '), value('Mark'), text('.')],
    },
    { name: 'placeholder only', template: '{vehicle}', values: FULL, expected: [value('VW Golf')] },
    {
      name: 'adjacent placeholders',
      template: '{customer.firstName}{dealer.name}',
      values: FULL,
      expected: [value('Sanne'), value('AutoHuis')],
    },
    {
      name: 'adjacent placeholders, one missing',
      template: '{customer.firstName}{vehicle}!',
      values: { 'customer.firstName': 'Sanne' },
      expected: [value('Sanne'), blank('vehicle'), text('!')],
    },
    { name: 'missing value → blank', template: 'the {vehicle} on', values: {}, expected: [text('the '), blank('vehicle'), text(' on')] },
    { name: 'empty value → blank', template: '{vehicle}', values: { vehicle: '' }, expected: [blank('vehicle')] },
    { name: 'whitespace value → blank', template: '{vehicle}', values: { vehicle: '  \n ' }, expected: [blank('vehicle')] },
    { name: 'value is trimmed', template: '{vehicle}', values: { vehicle: '  VW Golf ' }, expected: [value('VW Golf')] },
    { name: 'unknown placeholder → blank', template: 'Hi {customer.password}.', values: FULL, expected: [text('Hi '), blank('customer.password'), text('.')] },
    {
      name: 'prototype names are not placeholders',
      template: '{constructor}{toString}',
      values: FULL,
      expected: [blank('constructor'), blank('toString')],
    },
    {
      name: 'hostile value is a plain value segment',
      template: 'the {vehicle}',
      values: { vehicle: '<img src=x onerror=alert(1)>' },
      expected: [text('the '), value('<img src=x onerror=alert(1)>')],
    },
    {
      name: 'a value that looks like a placeholder is not expanded',
      template: '{customer.firstName} / {vehicle}',
      values: { 'customer.firstName': '{vehicle}', vehicle: 'Golf' },
      expected: [value('{vehicle}'), text(' / '), value('Golf')],
    },
    {
      name: 'braces that are not a placeholder stay literal text',
      template: 'a {} b {not a name} c',
      values: FULL,
      expected: [text('a {} b {not a name} c')],
    },
  ])('$name', ({ template, values, expected }) => {
    expect(renderTemplate(template, values)).toEqual(expected);
  });

  it('never leaves a placeholder in a text segment, for every default step and no values', () => {
    for (const script of Object.values(DEFAULT_SCRIPTS)) {
      for (const step of script.steps) {
        for (const segment of renderTemplate(step.text, {})) {
          if (segment.kind === 'text') expect(segment.text).not.toMatch(/\{[a-zA-Z.]+\}/);
          if (segment.kind === 'blank') expect(PLACEHOLDERS).toContain(segment.name);
        }
      }
    }
  });

  it('reassembles into the template text when every value is filled', () => {
    const template = DEFAULT_SCRIPTS.en.steps[0]?.text ?? '';
    const joined = renderTemplate(template, FULL)
      .map((s) => (s.kind === 'blank' ? '' : s.text))
      .join('');
    expect(joined).toBe('Hi Sanne, this is Mark from AutoHuis. You asked about the VW Golf on Marktplaats. Is now a bad moment?');
  });
});

describe('firstName', () => {
  it.each<{ input: string | undefined; expected: string | undefined }>([
    { input: 'Sanne de Vries', expected: 'Sanne' },
    { input: '  Mark   Visser ', expected: 'Mark' },
    { input: 'Priya', expected: 'Priya' },
    { input: 'Jan\tJansen', expected: 'Jan' },
    { input: '', expected: undefined },
    { input: '   ', expected: undefined },
    { input: undefined, expected: undefined },
  ])('$input → $expected', ({ input, expected }) => {
    expect(firstName(input)).toBe(expected);
  });
});

describe('DEFAULT_SCRIPTS', () => {
  it('nl and en have the same id, version and number of steps', () => {
    expect(DEFAULT_SCRIPTS.nl.steps.length).toBe(DEFAULT_SCRIPTS.en.steps.length);
    expect(DEFAULT_SCRIPTS.nl.steps.length).toBeGreaterThan(0);
    expect(DEFAULT_SCRIPTS.nl.id).toBe(DEFAULT_SCRIPTS.en.id);
    expect(DEFAULT_SCRIPTS.nl.version).toBe(DEFAULT_SCRIPTS.en.version);
    expect(DEFAULT_SCRIPTS.nl.lang).toBe('nl');
    expect(DEFAULT_SCRIPTS.en.lang).toBe('en');
  });

  it('each step uses the same placeholders in both languages and has unique titles', () => {
    const names = (t: string) => [...t.matchAll(/\{([a-zA-Z.]+)\}/g)].map((m) => m[1]).sort();
    DEFAULT_SCRIPTS.nl.steps.forEach((nlStep, i) => {
      const enStep = DEFAULT_SCRIPTS.en.steps[i];
      expect(names(nlStep.text)).toEqual(names(enStep?.text ?? ''));
    });
    for (const script of Object.values(DEFAULT_SCRIPTS)) {
      const titles = script.steps.map((s) => s.title);
      expect(new Set(titles).size).toBe(titles.length);
      for (const step of script.steps) expect(step.text.trim().length).toBeGreaterThan(0);
    }
  });
});
