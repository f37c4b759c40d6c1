import { z } from 'zod/mini';

/**
 * Keyboard commands the browser delivers to the background, forwarded to the active tab's
 * panel. The keys are only suggestions: the rep can change them at chrome://extensions/shortcuts,
 * so the panel names the defaults and where to change them.
 */
export const PANEL_COMMANDS = {
  'log-attempt': 'Alt+Shift+K',
  'focus-panel': 'Alt+Shift+J',
} as const;

export type PanelCommand = keyof typeof PANEL_COMMANDS;

export const SHORTCUTS_PAGE = 'chrome://extensions/shortcuts';

// zod/mini: the panel checks these, and classic zod would be ~26 kB gzip more on every CRM page.
export const panelCommandMessageSchema = z.object({
  leadpace: z.literal('panel-command'),
  command: z.enum(['log-attempt', 'focus-panel']),
});

/** The message for a browser command, or null for commands that are not the panel's. */
export function panelCommandMessage(command: string): z.infer<typeof panelCommandMessageSchema> | null {
  const parsed = panelCommandMessageSchema.safeParse({ leadpace: 'panel-command', command });
  return parsed.success ? parsed.data : null;
}
