/**
 * Runs a clean-up that may touch extension APIs. After an extension update those throw
 * "Extension context invalidated"; such an error must never reach the CRM page.
 */
export function safely(cleanup: () => void): void {
  try {
    cleanup();
  } catch {
    // The extension context is gone; there is nothing left to clean up.
  }
}
