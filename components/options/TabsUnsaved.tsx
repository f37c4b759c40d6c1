import { createContext, useContext } from 'react';

/**
 * How a form tells its tab that its edits are stored. The tab marks a form unsaved when the
 * rep types in it; only a form with a save button ([data-save-actions]) counts, since
 * toggles elsewhere (CRM access) apply at once.
 */
export const UnsavedContext = createContext<((form: HTMLFormElement) => void) | null>(null);

export const useMarkSaved = () => useContext(UnsavedContext);

export const SAVE_ACTIONS_ATTRIBUTE = 'data-save-actions';
