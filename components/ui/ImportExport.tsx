import type { ChangeEvent } from 'react';
import type { Download } from './download';

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * A button that picks a JSON file and hands its text over. The caller parses and validates it
 * (whole, before anything is written) and says what happened; a file the browser cannot read
 * goes to `onFailed`. The input is emptied afterwards so the same file can be picked again once
 * it is fixed.
 */
export function ImportFileButton({
  label,
  onText,
  onFailed,
  onPick,
  testId,
}: {
  label: string;
  onText: (text: string) => Promise<void>;
  onFailed: (reason: string) => void;
  /** Called as soon as a file is picked, before it is read (to clear an earlier notice). */
  onPick?: () => void;
  testId?: string;
}) {
  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const file = input.files?.[0];
    onPick?.();
    if (!file) return;
    file
      .text()
      .then(onText)
      .catch((error: unknown) => onFailed(reasonOf(error)))
      .finally(() => {
        input.value = '';
      });
  };
  return (
    <label className="op-secondary op-file-pick">
      {label}
      <input type="file" accept=".json,application/json" data-testid={testId} onChange={pick} />
    </label>
  );
}

/** A button that makes a file's text (possibly from storage) and hands it to the downloads. */
export function ExportButton({
  label,
  ariaLabel,
  filename,
  text,
  download,
  onFailed,
  disabled,
  testId,
}: {
  label: string;
  ariaLabel?: string;
  filename: () => string;
  text: () => string | Promise<string>;
  download: Download;
  onFailed?: (reason: string) => void;
  disabled?: boolean;
  testId?: string;
}) {
  const run = () => {
    const failed = (error: unknown) => onFailed?.(reasonOf(error));
    try {
      const content = text();
      // A text at hand downloads within the click, which is what a browser trusts most.
      if (typeof content === 'string') download(filename(), content);
      else content.then((loaded) => download(filename(), loaded)).catch(failed);
    } catch (error) {
      failed(error);
    }
  };
  return (
    <button type="button" className="op-secondary" aria-label={ariaLabel} data-testid={testId} disabled={disabled} onClick={run}>
      {label}
    </button>
  );
}
