import { z } from 'zod/mini';

// The rep's monthly sales target and the conversion floor: fields of the local settings and of
// the team's, in zod/mini because the popup's first screen parses the local settings.

/** The rep's (or team's) monthly sales target for month pacing; 0 = none set. */
export const monthlyTargetSchema = z.number().check(z.int(), z.minimum(0), z.maximum(500));

/** A sale ÷ leads share below which a rep or source is flagged: 13% unless the team says otherwise. */
export const DEFAULT_CONVERSION_FLOOR = 0.13;
export const conversionFloorSchema = z.number().check(z.minimum(0), z.maximum(1));
