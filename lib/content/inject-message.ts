/** The detector's messages. Raw (no messaging library, no zod) to keep the detector tiny. */
export const INJECT_PANEL_MESSAGE = { leadpace: 'inject-panel' } as const;
/** On an inbox or lead list: only the small list reader, not React and the panel. */
export const INJECT_LIST_MESSAGE = { leadpace: 'inject-list' } as const;

/** Set in a page's isolated world once the panel bundle runs; it then reads lists itself. */
export const PANEL_LOADED_FLAG = '__leadpacePanelLoaded';
