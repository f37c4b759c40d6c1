import { createStore, type StoreApi } from 'zustand/vanilla';

/** Popup UI state only: which row is being opened and why opening failed. */
export interface PopupUiState {
  openingKey: string | null;
  openError: string | null;
  startOpening(leadKey: string): void;
  failOpening(message: string): void;
  finishOpening(): void;
}

// One store per mounted popup (not a module singleton), so each test and each popup window
// starts clean.
export function createPopupStore(): StoreApi<PopupUiState> {
  return createStore<PopupUiState>()((set) => ({
    openingKey: null,
    openError: null,
    startOpening: (leadKey) => set({ openingKey: leadKey, openError: null }),
    failOpening: (message) => set({ openingKey: null, openError: message }),
    finishOpening: () => set({ openingKey: null }),
  }));
}
