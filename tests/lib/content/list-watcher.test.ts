// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { demoListReader } from '@/lib/crms/demo/list';
import { watchList, type SendListed } from '@/lib/content/list-watcher';
import type { LeadSnapshot } from '@/lib/domain/model';

const LIST_URL = new URL('http://leadpace-demo.localhost:5173/leads');

function el(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/** A row shaped like the fake CRM's inbox (tests/crm-site/public/app.js). */
const row = (id: string) =>
  el('tr', { 'data-lead-id': id }, el('td', {}, el('a', { href: `/leads/${id}` }, `Klant ${id}`)), el('td', {}, 'Marktplaats'));

function inbox(...ids: string[]): { table: HTMLElement; tbody: HTMLElement } {
  const tbody = el('tbody', {}, ...ids.map(row));
  const table = el('table', { class: 'lead-table' }, el('thead', {}, el('tr', {}, el('th', {}, 'Naam'), el('th', {}, 'Bron'))), tbody);
  return { table, tbody };
}

let sent: LeadSnapshot[][];
let send: ReturnType<typeof vi.fn<SendListed>>;
let stop: (() => void) | undefined;

beforeEach(() => {
  vi.useFakeTimers();
  document.body.replaceChildren(el('main', { id: 'app' }));
  sent = [];
  send = vi.fn<SendListed>(async (_crm, leads) => {
    sent.push(leads);
    return true;
  });
});
afterEach(() => {
  stop?.();
  stop = undefined;
  vi.useRealTimers();
});

const ids = (batches: LeadSnapshot[][]) => batches.map((batch) => batch.map((lead) => lead.leadId));
const app = () => {
  const main = document.getElementById('app');
  if (!main) throw new Error('no app');
  return main;
};

describe('watchList', () => {
  it('waits for the list, sends its leads once, then only rows it has not sent', async () => {
    stop = watchList(demoListReader, document, LIST_URL, { send, sent: new Set() });
    await vi.advanceTimersByTimeAsync(100);
    expect(send).not.toHaveBeenCalled();

    app().append(el('h1', {}, 'Leads'), inbox('L-1', 'L-2').table);
    await vi.advanceTimersByTimeAsync(0);
    expect(ids(sent)).toEqual([['L-1', 'L-2']]);
    expect(send).toHaveBeenCalledWith('demo', expect.any(Array));

    // The inbox polls and re-renders its rows: the same leads again send nothing.
    const table = app().querySelector('table');
    table?.querySelector('tbody')?.replaceChildren(row('L-2'), row('L-1'));
    await vi.advanceTimersByTimeAsync(600);
    expect(send).toHaveBeenCalledTimes(1);

    // A new lead arrives: only it is sent, after the debounce.
    table?.querySelector('tbody')?.prepend(row('L-3'));
    await vi.advanceTimersByTimeAsync(200);
    expect(send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(400);
    expect(ids(sent)).toEqual([['L-1', 'L-2'], ['L-3']]);
  });

  it('ignores mutations outside the list', async () => {
    app().append(inbox('L-1').table);
    stop = watchList(demoListReader, document, LIST_URL, { send, sent: new Set() });
    await vi.advanceTimersByTimeAsync(0);
    const read = vi.spyOn(demoListReader, 'read');
    for (let i = 0; i < 20; i += 1) document.body.append(el('p', {}, `toast ${i}`));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(read).not.toHaveBeenCalled();
  });

  it('finds a replaced list again (a re-rendered inbox) and sends only what is new', async () => {
    const sentKeys = new Set<string>();
    app().append(inbox('L-1').table);
    stop = watchList(demoListReader, document, LIST_URL, { send, sent: sentKeys });
    await vi.advanceTimersByTimeAsync(0);
    app().replaceChildren(inbox('L-1', 'L-4').table);
    await vi.advanceTimersByTimeAsync(2_500);
    expect(ids(sent)).toEqual([['L-1'], ['L-4']]);
    expect([...sentKeys].sort()).toEqual(['demo:L-1|', 'demo:L-4|']);
  });

  it('sends a row again when the CRM changes its status while the list is open', async () => {
    const withStatus = (id: string, status: string) => {
      const tr = row(id);
      tr.append(el('td', {}, status));
      return tr;
    };
    const table = el(
      'table',
      { class: 'lead-table' },
      el('thead', {}, el('tr', {}, el('th', {}, 'Naam'), el('th', {}, 'Bron'), el('th', {}, 'Status'))),
      el('tbody', {}, withStatus('L-1', 'Nieuw')),
    );
    app().append(table);
    stop = watchList(demoListReader, document, LIST_URL, { send, sent: new Set() });
    await vi.advanceTimersByTimeAsync(0);
    expect(sent.map((batch) => batch.map((s) => s.statusRaw))).toEqual([['Nieuw']]);
    // A poll re-renders the same row: nothing new.
    table.querySelector('tbody')?.replaceChildren(withStatus('L-1', 'Nieuw'));
    await vi.advanceTimersByTimeAsync(600);
    expect(send).toHaveBeenCalledTimes(1);
    // The CRM closes the lead: the row goes out again with its new status.
    table.querySelector('tbody')?.replaceChildren(withStatus('L-1', 'Verkocht'));
    await vi.advanceTimersByTimeAsync(600);
    expect(sent.map((batch) => batch.map((s) => s.statusRaw))).toEqual([['Nieuw'], ['Verkocht']]);
  });

  it('a batch the background did not take is sent again later; a stopped watcher sends nothing', async () => {
    let up = false;
    send.mockImplementation(async (_crm, leads) => {
      if (!up) return false;
      sent.push(leads);
      return true;
    });
    app().append(inbox('L-1').table);
    stop = watchList(demoListReader, document, LIST_URL, { send, sent: new Set() });
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual([]);
    up = true;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(ids(sent)).toEqual([['L-1']]);

    stop();
    app().querySelector('tbody')?.append(row('L-9'));
    await vi.advanceTimersByTimeAsync(3_000);
    expect(ids(sent)).toEqual([['L-1']]);
  });

  it('splits a long list into messages of at most 200 leads', async () => {
    app().append(inbox(...Array.from({ length: 450 }, (_, i) => `L-${i}`)).table);
    stop = watchList(demoListReader, document, LIST_URL, { send, sent: new Set() });
    await vi.advanceTimersByTimeAsync(0);
    expect(sent.map((batch) => batch.length)).toEqual([200, 200, 50]);
  });

  it('a reader that throws costs the page nothing', async () => {
    vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const broken = { ...demoListReader, read: () => { throw new Error('boom'); } };
    app().append(inbox('L-1').table);
    stop = watchList(broken, document, LIST_URL, { send, sent: new Set() });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(send).not.toHaveBeenCalled();
  });
});
