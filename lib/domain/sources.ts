import { z } from 'zod/mini';
import { sourceIdSchema } from './model';

// zod/mini: the panel and list bundles normalise sources, and one classic zod import puts ~26 kB
// gzip of it on every CRM page load.

/** Maps a raw CRM source string to a source id: case-insensitive substring match. */
export const sourceRuleSchema = z.object({
  match: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  source: sourceIdSchema,
});
export type SourceRule = { match: string; source: string };

/** A dealer's editable rule list; order matters (first match wins). */
export const sourceRulesSchema = z.array(sourceRuleSchema).check(z.maxLength(500));

const rules = (source: string, ...matches: string[]): SourceRule[] =>
  matches.map((match) => ({ match, source }));

/**
 * Order matters: named portals first, because CRMs decorate them with generic words
 * ("Marktplaats website", "AutoTrack brand campaign"), then the brand/importer words, whose
 * strings often contain "site" too ("Volkswagen merksite"), and the most generic words last.
 */
export const DEFAULT_SOURCE_RULES: readonly SourceRule[] = [
  ...rules('marktplaats', 'marktplaats'),
  ...rules('autotrack', 'autotrack'),
  ...rules('autoscout24', 'autoscout'),
  ...rules('gaspedaal', 'gaspedaal'),
  ...rules('viabovag', 'viabovag', 'bovag'),
  ...rules('autotrader', 'autotrader', 'auto trader'),
  ...rules('carscom', 'cars.com', 'carscom'),
  ...rules('cargurus', 'cargurus'),
  ...rules('truecar', 'truecar'),
  ...rules('edmunds', 'edmunds'),
  ...rules('importer', 'importeur', 'importer', 'merksite', 'brand', 'oem'),
  ...rules('referral', 'referral', 'doorverwijzing', 'aanbeveling'),
  ...rules('walk-in', 'walk-in', 'walk in', 'walkin', 'showroom', 'binnenloop'),
  ...rules('website', 'eigen website', 'website', 'webshop', 'internet', 'site'),
  ...rules('phone', 'telefoon', 'telefonisch', 'phone', 'call'),
];

const normaliseText = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The source id for a raw CRM string; 'other' when nothing matches. Rules whose target is not a
 * valid source id are skipped, so a bad rule can never produce an invalid snapshot.
 */
export function normaliseSource(
  raw: string | undefined,
  sourceRules: readonly SourceRule[] = DEFAULT_SOURCE_RULES,
): string {
  if (typeof raw !== 'string') return 'other';
  const text = normaliseText(raw);
  if (text.length === 0) return 'other';
  for (const rule of sourceRules) {
    const needle = normaliseText(rule.match ?? '');
    if (needle.length === 0 || !text.includes(needle)) continue;
    if (sourceIdSchema.safeParse(rule.source).success) return rule.source;
  }
  return 'other';
}
