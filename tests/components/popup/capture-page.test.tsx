// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CapturePage, type CaptureAccess } from '@/components/popup/CapturePage';
import { Popup } from '@/components/popup/Popup';
import { I18nProvider } from '@/components/ui/i18n';
import type { ExecuteScript } from '@/lib/capture/capture';
import { capturePageStructure } from '@/lib/capture/scrub';
import { openLeadpaceDb } from '@/lib/db/schema';
import type { Lang } from '@/lib/i18n';

const LEAD_URL = 'http://leadpace-demo.localhost:5173/leads/L-1042';
const CAPTURED_AT = new Date(2025, 0, 15, 13, 0);

// The page the fake tab shows: the test document itself, so the real injected function runs.
// Only the body's content is swapped: Testing Library's `screen` stays bound to this body.
function showLeadPage(): void {
  const parsed = new DOMParser().parseFromString(
    `<!doctype html><html><head><title>Jan de Vries</title></head><body>
      <section class="lead-detail" data-record-id="L-1042">
        <h1 class="lead-title">Jan de Vries</h1>
        <dl><dt>Bron</dt><dd>Marktplaats</dd><dt>Telefoon</dt><dd><a href="tel:+31612345678">06 12345678</a></dd>
        <dt>E-mail</dt><dd><a href="mailto:jan@example.nl">jan@example.nl</a></dd></dl>
        <textarea id="lead-notes">Belt na 17:00 terug</textarea>
      </section></body></html>`,
    'text/html',
  );
  document.title = parsed.title;
  document.body.replaceChildren(...Array.from(parsed.body.childNodes, (node) => document.importNode(node, true)));
}

/** Runs the injected function here, as the browser would run it in the tab. */
const runInPage: ExecuteScript = (injection) => Promise.resolve([{ result: injection.func(...injection.args) }]);

let blobs: Blob[] = [];
let downloads: { href: string; download: string }[] = [];
const recordDownload = (event: MouseEvent) => {
  const target = event.target;
  if (target instanceof HTMLAnchorElement && target.hasAttribute('download')) {
    downloads.push({ href: target.href, download: target.download });
    // jsdom cannot navigate; the browser would save the file here.
    event.preventDefault();
  }
};

beforeEach(() => {
  fakeBrowser.reset();
  blobs = [];
  downloads = [];
  // jsdom has no object URLs: record the blob and hand out a recognisable URL.
  Object.defineProperty(URL, 'createObjectURL', {
    configurable: true,
    value: (blob: Blob) => {
      blobs.push(blob);
      return `blob:leadpace/${blobs.length}`;
    },
  });
  Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: () => undefined });
  document.addEventListener('click', recordDownload);
});
afterEach(() => {
  document.removeEventListener('click', recordDownload);
  cleanup();
});

function renderCapture(options: { url?: string; tabId?: number; executeScript?: ExecuteScript; lang?: Lang } = {}) {
  const executeScript = vi.fn<ExecuteScript>(options.executeScript ?? runInPage);
  const access: CaptureAccess = {
    activeTab: () => Promise.resolve({ id: options.tabId ?? 42, url: options.url ?? LEAD_URL }),
    executeScript,
  };
  render(
    <I18nProvider lang={options.lang ?? 'en'}>
      <CapturePage access={access} now={() => CAPTURED_AT} />
    </I18nProvider>,
  );
  return { executeScript };
}

const blobText = (blob: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });

describe('popup: capture this page', () => {
  it('captures the tab with the real injected function and saves a scrubbed file', async () => {
    showLeadPage();
    const { executeScript } = renderCapture();
    await userEvent.setup().click(await screen.findByTestId('capture-button'));
    await screen.findByTestId('capture-done');

    expect(executeScript).toHaveBeenCalledTimes(1);
    const injection = executeScript.mock.calls[0]?.[0];
    expect(injection?.target).toEqual({ tabId: 42, allFrames: false });
    expect(injection?.func).toBe(capturePageStructure);
    expect(injection?.args[0]).toEqual(expect.arrayContaining(['Bron', 'Source', 'Telefoon', 'E-mail']));

    // Saved at once, under the CRM's host and the day.
    const file = 'leadpace-capture-leadpace-demo.localhost-2025-01-15.html';
    expect(downloads).toEqual([{ href: 'blob:leadpace/1', download: file }]);
    const [blob] = blobs;
    expect(blob?.type).toBe('text/html');
    const text = blob ? await blobText(blob) : '';
    expect(text).toContain('<section class="lead-detail" data-record-id="L-0000">');
    expect(text).toContain('<dt>Bron</dt>');
    for (const secret of ['Jan', 'Vries', 'Marktplaats', '612345678', 'example', 'Belt']) expect(text).not.toContain(secret);

    const done = screen.getByTestId('capture-done').textContent ?? '';
    expect(done).toContain(`Saved ${file}`);
    expect(done).toMatch(/\(\d+ page elements\)/);
    expect(done).toContain('Nothing was sent');
    expect(screen.getByTestId('capture-download').getAttribute('download')).toBe(file);
  });

  it('shows the button as busy while the page is read', async () => {
    let finish: (value: Array<{ result?: unknown }>) => void = () => undefined;
    renderCapture({ executeScript: () => new Promise((resolve) => (finish = resolve)) });
    const button = await screen.findByTestId('capture-button');
    await userEvent.setup().click(button);
    expect(button.textContent).toBe('Capturing…');
    expect((button as HTMLButtonElement).disabled).toBe(true);
    finish([]);
    await screen.findByTestId('capture-error');
    expect((screen.getByTestId('capture-button') as HTMLButtonElement).disabled).toBe(false);
  });

  it.each<{ name: string; fail: () => Promise<Array<{ result?: unknown }>>; lang: Lang; message: RegExp }>([
    {
      name: 'the Chrome Web Store',
      fail: () => Promise.reject(new Error('The extensions gallery cannot be scripted.')),
      lang: 'en',
      message: /does not let extensions read this page/,
    },
    {
      name: 'a page without access',
      fail: () => Promise.reject(new Error('Cannot access contents of the page. Extension manifest must request permission to access the respective host.')),
      lang: 'nl',
      message: /De browser laat extensies deze pagina niet lezen/,
    },
    {
      name: 'Firefox without host permission',
      fail: () => Promise.reject(new Error('Missing host permission for the tab')),
      lang: 'en',
      message: /does not let extensions read this page/,
    },
    {
      name: 'a closed tab',
      fail: () => Promise.reject(new Error('No tab with id: 42.')),
      lang: 'en',
      message: /^Could not capture this page: No tab with id: 42\.$/,
    },
    {
      name: 'no result (the page navigated away)',
      fail: () => Promise.resolve([]),
      lang: 'nl',
      message: /^Kon deze pagina niet vastleggen: /,
    },
    {
      name: 'a result that is not a capture',
      fail: () => Promise.resolve([{ result: { html: 42 } }]),
      lang: 'en',
      message: /^Could not capture this page: /,
    },
  ])('says so in the UI language on $name', async ({ fail, lang, message }) => {
    renderCapture({ executeScript: fail, lang });
    await userEvent.setup().click(await screen.findByTestId('capture-button'));
    expect((await screen.findByRole('alert')).textContent).toMatch(message);
    expect(downloads).toEqual([]);
    expect(blobs).toEqual([]);
  });

  it.each([
    ['a browser page', 'chrome://extensions/'],
    ['the extension itself', 'chrome-extension://abc/popup.html'],
    ['a blank tab', 'about:blank'],
    ['a local file', 'file:///home/rep/lead.html'],
    ['no readable URL', ''],
  ])('is not offered on %s', async (_name, url) => {
    const { executeScript } = renderCapture({ url });
    await new Promise((r) => setTimeout(r, 30));
    expect(screen.queryByTestId('capture')).toBeNull();
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('starts a capture when another part of the popup asks for one', async () => {
    showLeadPage();
    const executeScript = vi.fn<ExecuteScript>(runInPage);
    const access: CaptureAccess = { activeTab: () => Promise.resolve({ id: 42, url: LEAD_URL }), executeScript };
    const view = render(
      <I18nProvider lang="en">
        <CapturePage access={access} now={() => CAPTURED_AT} request={0} />
      </I18nProvider>,
    );
    await screen.findByTestId('capture-button');
    expect(executeScript).not.toHaveBeenCalled();
    view.rerender(
      <I18nProvider lang="en">
        <CapturePage access={access} now={() => CAPTURED_AT} request={1} />
      </I18nProvider>,
    );
    await screen.findByTestId('capture-done');
    expect(executeScript).toHaveBeenCalledOnce();
  });

  it('sits in the popup when the popup gets page access', async () => {
    const db = openLeadpaceDb(`test-${crypto.randomUUID()}`);
    try {
      render(
        <I18nProvider lang="nl">
          <Popup
            db={db}
            openLead={() => Promise.resolve({ ok: true, value: { tabId: 1 } })}
            closeWindow={() => undefined}
            openOptions={() => undefined}
            pageCapture={{ activeTab: () => Promise.resolve({ id: 3, url: LEAD_URL }), executeScript: runInPage }}
          />
        </I18nProvider>,
      );
      expect((await screen.findByTestId('capture-button')).textContent).toBe('Deze pagina vastleggen');
    } finally {
      cleanup();
      db.close();
      await db.delete();
    }
  });

  it('is absent from the popup without page access', async () => {
    const db = openLeadpaceDb(`test-${crypto.randomUUID()}`);
    try {
      render(
        <I18nProvider lang="en">
          <Popup db={db} openLead={() => Promise.resolve({ ok: true, value: { tabId: 1 } })} closeWindow={() => undefined} openOptions={() => undefined} />
        </I18nProvider>,
      );
      await waitFor(() => expect(screen.queryByTestId('popup-loading')).toBeNull());
      expect(screen.queryByTestId('capture')).toBeNull();
    } finally {
      cleanup();
      db.close();
      await db.delete();
    }
  });
});
