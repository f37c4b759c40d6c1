import { storage } from 'wxt/utils/storage';
import { z } from 'zod/mini';
import type { PanelPosition } from '@/lib/domain/panel-position';

// Where the rep put the panel, per CRM: each CRM has its own layout (drawers, notes, buttons),
// so a spot that is free in one covers something in another. zod/mini: the panel reads it on
// every CRM page, where classic zod would be ~26 kB gzip more to load.

// zod 4 numbers refuse Infinity and NaN already (classic's `.finite()` did nothing more).
const offset = z.number().check(z.minimum(0), z.maximum(100_000));
export const panelPositionSchema = z.object({ h: z.enum(['left', 'right']), x: offset, v: z.enum(['top', 'bottom']), y: offset });
const crmKey = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/));

export type PanelPositions = Record<string, PanelPosition>;

export const panelPositionsItem = storage.defineItem<unknown>('local:panelPositions', { fallback: {} });

/** Every valid stored position; an unreadable entry is dropped, not the whole map. */
export function parsePanelPositions(raw: unknown): PanelPositions {
  const record = z.record(z.string(), z.unknown()).safeParse(raw);
  if (!record.success) return {};
  const positions: PanelPositions = {};
  for (const [crm, value] of Object.entries(record.data)) {
    const position = panelPositionSchema.safeParse(value);
    if (crmKey.safeParse(crm).success && position.success) positions[crm] = position.data;
  }
  return positions;
}

export async function readPanelPositions(): Promise<PanelPositions> {
  return parsePanelPositions(await panelPositionsItem.getValue());
}

export async function savePanelPosition(crm: string, position: PanelPosition): Promise<void> {
  const valid = panelPositionSchema.parse(position);
  crmKey.parse(crm);
  await panelPositionsItem.setValue({ ...(await readPanelPositions()), [crm]: valid });
}

/** Another tab of the same CRM moved its panel: follow it. */
export function watchPanelPositions(onChange: (positions: PanelPositions) => void): () => void {
  return panelPositionsItem.watch((raw) => onChange(parsePanelPositions(raw)));
}
