import { createStore } from 'zustand/vanilla';
import type { LeadView } from '../domain/lead';
import type { Channel, LeadSnapshot } from '../domain/model';
import type { PanelErrorCode } from './client';
import type { ZoneNotice } from './zone-notice';

/** UI state of the panel on one CRM tab. Domain data stays in the background's database. */
export interface PanelState {
  snapshot: LeadSnapshot | null;
  view: LeadView | null;
  error: { code: PanelErrorCode; reason: string } | null;
  collapsed: boolean;
  /** The logging controls are open, with this channel picked. */
  logging: Channel | null;
  /** A click-to-call on the page started a call whose outcome we still need. */
  pendingCall: boolean;
  busy: boolean;
  notice: string | null;
  /** The call script on screen; logged with each attempt (id and version). */
  activeScript: { id: string; version: number } | null;
  /** The page's own times say the dealer zone is wrong. */
  zoneNotice: ZoneNotice | null;
}

export const initialPanelState: PanelState = {
  snapshot: null,
  view: null,
  error: null,
  collapsed: false,
  logging: null,
  pendingCall: false,
  busy: false,
  notice: null,
  activeScript: null,
  zoneNotice: null,
};

export const createPanelStore = () => createStore<PanelState>(() => ({ ...initialPanelState }));
export type PanelStore = ReturnType<typeof createPanelStore>;
