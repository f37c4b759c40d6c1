import {
  DUTCH_HOLIDAYS,
  dutchHolidays,
  easterSunday,
  liberationDayOff,
  type LiberationDayRule,
} from '@/lib/domain/holidays';

const dateOf = (year: number, id: string, includeOptional: string[] = [], liberationDay?: LiberationDayRule) =>
  dutchHolidays(year, { includeOptional, liberationDay }).find((h) => h.id === id)?.date;

describe('easterSunday', () => {
  it.each([
    [2000, '2000-04-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2030, '2030-04-21'],
    [2038, '2038-04-25'],
  ])('%i → %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });
});

describe('dutchHolidays', () => {
  it.each([
    // Koningsdag moves to the 26th when the 27th is a Sunday.
    [2025, 'koningsdag', '2025-04-26'],
    [2026, 'koningsdag', '2026-04-27'],
    [2031, 'koningsdag', '2031-04-26'],
    [2013, 'koningsdag', '2013-04-30'],
    [2024, 'tweede-paasdag', '2024-04-01'],
    [2026, 'tweede-paasdag', '2026-04-06'],
    [2024, 'hemelvaartsdag', '2024-05-09'],
    [2025, 'hemelvaartsdag', '2025-05-29'],
    [2026, 'hemelvaartsdag', '2026-05-14'],
    [2024, 'eerste-pinksterdag', '2024-05-19'],
    [2024, 'tweede-pinksterdag', '2024-05-20'],
    [2025, 'eerste-pinksterdag', '2025-06-08'],
    [2025, 'tweede-pinksterdag', '2025-06-09'],
    [2026, 'eerste-pinksterdag', '2026-05-24'],
    [2026, 'tweede-pinksterdag', '2026-05-25'],
    [2026, 'nieuwjaarsdag', '2026-01-01'],
    [2026, 'eerste-kerstdag', '2026-12-25'],
    [2026, 'tweede-kerstdag', '2026-12-26'],
  ])('%i %s → %s', (year, id, expected) => {
    expect(dateOf(year, id)).toBe(expected);
  });

  it.each([
    [2026, 'goede-vrijdag', [], undefined],
    [2026, 'goede-vrijdag', ['goede-vrijdag'], '2026-04-03'],
    [2024, 'goede-vrijdag', ['goede-vrijdag'], '2024-03-29'],
    // The old opt-in id asks for the lustrum rule, which is also the default.
    [2025, 'bevrijdingsdag', [], '2025-05-05'],
    [2025, 'bevrijdingsdag', ['bevrijdingsdag'], '2025-05-05'],
    [2030, 'bevrijdingsdag', ['bevrijdingsdag'], '2030-05-05'],
    [2026, 'bevrijdingsdag', ['bevrijdingsdag'], undefined],
    [2026, 'bevrijdingsdag', [], undefined],
  ])('%i optional %s with %j → %s', (year, id, include, expected) => {
    expect(dateOf(year, id, include)).toBe(expected);
  });

  it.each([
    [2025, 'lustrum', [], '2025-05-05'],
    [2026, 'lustrum', [], undefined],
    [2030, 'lustrum', [], '2030-05-05'],
    [2000, 'lustrum', [], '2000-05-05'],
    [2026, 'every-year', [], '2026-05-05'],
    [2027, 'every-year', [], '2027-05-05'],
    [2025, 'every-year', [], '2025-05-05'],
    [2025, 'never', [], undefined],
    [2026, 'never', [], undefined],
    // An explicit rule wins over the old opt-in id.
    [2025, 'never', ['bevrijdingsdag'], undefined],
    [2026, 'every-year', ['bevrijdingsdag'], '2026-05-05'],
  ] as [number, LiberationDayRule, string[], string | undefined][])(
    '%i Liberation Day %s (optional %j) → %s',
    (year, rule, include, expected) => {
      expect(dateOf(year, 'bevrijdingsdag', include, rule)).toBe(expected);
    },
  );

  it.each([
    [2025, 'lustrum', true],
    [2024, 'lustrum', false],
    [2024, 'every-year', true],
    [2025, 'never', false],
  ] as [number, LiberationDayRule, boolean][])('liberationDayOff(%i, %s) → %s', (year, rule, expected) => {
    expect(liberationDayOff(year, rule)).toBe(expected);
  });

  it('lists Liberation Day in date order with both names', () => {
    const list = dutchHolidays(2027, { liberationDay: 'every-year' });
    expect(list.map((h) => h.date).slice(3, 6)).toEqual(['2027-04-27', '2027-05-05', '2027-05-06']);
    expect(list.find((h) => h.id === 'bevrijdingsdag')?.name).toEqual({ nl: 'Bevrijdingsdag', en: 'Liberation Day' });
  });

  it('returns the nine official closed days by default, sorted, with Dutch and English names', () => {
    const list = dutchHolidays(2026);
    expect(list.map((h) => `${h.date} ${h.id}`)).toEqual([
      '2026-01-01 nieuwjaarsdag',
      '2026-04-05 eerste-paasdag',
      '2026-04-06 tweede-paasdag',
      '2026-04-27 koningsdag',
      '2026-05-14 hemelvaartsdag',
      '2026-05-24 eerste-pinksterdag',
      '2026-05-25 tweede-pinksterdag',
      '2026-12-25 eerste-kerstdag',
      '2026-12-26 tweede-kerstdag',
    ]);
    expect(list.find((h) => h.id === 'koningsdag')?.name).toEqual({ nl: 'Koningsdag', en: "King's Day" });
  });

  it('flags exactly Goede Vrijdag and Bevrijdingsdag as optional', () => {
    expect(DUTCH_HOLIDAYS.filter((h) => h.optional).map((h) => h.id)).toEqual(['goede-vrijdag', 'bevrijdingsdag']);
  });

  it('ignores unknown optional ids and non-integer years', () => {
    expect(dutchHolidays(2026, { includeOptional: ['carnaval'] })).toHaveLength(9);
    expect(dutchHolidays(2026.5)).toEqual([]);
  });
});
