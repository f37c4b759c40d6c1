/** The detector's only message. Raw (no messaging library, no zod) to keep the detector tiny. */
export const INJECT_PANEL_MESSAGE = { leadpace: 'inject-panel' } as const;
