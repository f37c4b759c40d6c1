import { useEffect, useRef, useState } from 'react';
import { capturePage, captureFileName, captureFileText, type ExecuteScript } from '@/lib/capture/capture';
import type { CaptureResult } from '@/lib/capture/scrub';
import { useI18n } from '../ui/i18n';
import '@/lib/i18n/messages/capture';

export interface CaptureAccess {
  /** The tab the popup was opened on (`activeTab` grants its URL and scripting for this click). */
  activeTab: () => Promise<{ id?: number; url?: string } | undefined>;
  executeScript: ExecuteScript;
}

type State =
  | { kind: 'hidden' }
  | { kind: 'ready'; tabId: number; url: string }
  | { kind: 'working'; tabId: number; url: string }
  | { kind: 'done'; tabId: number; url: string; result: CaptureResult; file: string; href: string }
  | { kind: 'error'; tabId: number; url: string; message: string };

/**
 * "Capture this page": saves the current page's structure with the customer scrubbed out, for
 * a dealer to attach when Leadpace cannot read their CRM. The file is only saved locally; the
 * dealer decides whether to send it.
 */
export function CapturePage({
  access,
  now = () => new Date(),
  request = 0,
}: {
  access: CaptureAccess;
  now?: () => Date;
  /** Bumped by another part of the popup (the drift notice) to start a capture from there. */
  request?: number;
}) {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ kind: 'hidden' });
  const link = useRef<HTMLAnchorElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const handled = useRef(request);
  const href = state.kind === 'done' ? state.href : null;

  useEffect(() => {
    let alive = true;
    access
      .activeTab()
      .then((tab) => {
        // Only web pages: browser pages and the extension's own cannot be captured anyway.
        if (alive && tab?.id !== undefined && tab.url && /^https?:/i.test(tab.url)) {
          setState({ kind: 'ready', tabId: tab.id, url: tab.url });
        }
      })
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [access]);

  useEffect(() => {
    if (!href) return;
    // Saved as soon as it exists: the click on "Capture" was the request for the file.
    link.current?.click();
    return () => URL.revokeObjectURL(href);
  }, [href]);

  useEffect(() => {
    if (request === handled.current || state.kind !== 'ready') return;
    handled.current = request;
    button.current?.focus(); // focusing scrolls it into view, where the result will show
    button.current?.click();
  }, [request, state.kind]);

  if (state.kind === 'hidden') return null;
  const { tabId, url } = state;

  const run = () => {
    setState({ kind: 'working', tabId, url });
    capturePage(access.executeScript, tabId)
      .then((outcome) => {
        if (!outcome.ok) {
          const message = outcome.reason === 'blocked' ? t('capture.blocked') : t('capture.failed', { reason: outcome.detail });
          setState({ kind: 'error', tabId, url, message });
          return;
        }
        const at = now();
        const blob = new Blob([captureFileText(outcome.result, at)], { type: 'text/html' });
        setState({ kind: 'done', tabId, url, result: outcome.result, file: captureFileName(url, at), href: URL.createObjectURL(blob) });
      })
      .catch((error: unknown) => setState({ kind: 'error', tabId, url, message: t('capture.failed', { reason: String(error) }) }));
  };

  return (
    // After the team section, so it brings the body's side padding itself, like that section.
    <section className="pp-section pp-capture" data-testid="capture" data-state={state.kind} aria-labelledby="pp-capture-title">
      <h2 className="pp-section-title" id="pp-capture-title">
        {t('capture.title')}
      </h2>
      {state.kind === 'done' ? (
        <div data-testid="capture-done">
          <p className="pp-line">{t('capture.done', { file: state.file, count: state.result.nodeCount })}</p>
          <p className="pp-muted pp-line">
            {t('capture.scrubbed')}
          </p>
          {state.result.truncated ? (
            <p className="pp-muted pp-line">
              {t('capture.truncated', { count: state.result.nodeCount })}
            </p>
          ) : null}
          {state.result.crossOriginFrames > 0 ? (
            <p className="pp-muted pp-line">
              {t('capture.crossOrigin', { count: state.result.crossOriginFrames })}
            </p>
          ) : null}
          <p className="pp-line-last">
            {t('capture.private')}{' '}
            <a ref={link} href={state.href} download={state.file} data-testid="capture-download">
              {t('capture.saveAgain')}
            </a>
          </p>
        </div>
      ) : (
        <>
          <p className="pp-muted pp-intro">
            {t('capture.intro')}
          </p>
          {state.kind === 'error' ? (
            <p className="pp-error" role="alert" data-testid="capture-error">
              {state.message}
            </p>
          ) : null}
          <button ref={button} type="button" className="pp-more" data-testid="capture-button" disabled={state.kind === 'working'} onClick={run}>
            {state.kind === 'working' ? t('capture.working') : t('capture.button')}
          </button>
        </>
      )}
    </section>
  );
}
