/**
 * Large, busy CRM pages for the large-page benchmark (scripts/bench/large-page.ts): static HTML
 * with an inline page script that mutates the DOM all the time, like a real CRM with a live
 * clock, an activity feed, auto-refreshing lists and presence dots.
 *
 *   demo         the fake CRM's lead page (same origin and markup hooks as tests/crm-site and
 *                lib/adapters/demo.ts) padded with a team list, a lead timeline, a 380-row
 *                "recent leads" table and a live activity feed
 *   salesforce   tests/fixtures/crm/salesforce/lead-standard.html padded with a cached list view
 *                (Lightning keeps the previous page hidden in the DOM), an activity timeline and
 *                a related list; Salesforce's watch region (.oneCenterStage) holds nearly all of it
 *   vinsolutions tests/fixtures/crm/vinsolutions/labels-only-hidden-ids.html (read by labels
 *                only) with a dashboard table before and a long history after the lead info
 *
 * The page script (`runMutator`, serialised into the page) makes `perSecond` DOM changes a
 * second in a fixed cycle of operations, each tagged with whether it happens inside the region
 * Leadpace watches for the lead. None of them changes what the adapter reads; only the "lead
 * switch" (every `switchEveryMs`) does, and the script records when the panel host's attribute
 * follows it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export type Where = 'region' | 'outside';

export interface MutatorOp {
  /**
   * clock: text node ← HH:MM:SS · counter: text node ← a number · age: text node ← "N s ago" ·
   * feed: prepend a copy of the list's first item and remove its last (2 changes) ·
   * attr: flip data-state · class: toggle a class · blink: add or remove a "typing…" child
   */
  kind: 'clock' | 'counter' | 'age' | 'feed' | 'attr' | 'class' | 'blink';
  /** Elements the operation works on, taken in a scattered order. */
  selector: string;
  where: Where;
}

export interface LeadSwitch {
  /**
   * Switch k sets each edit (an attribute, or the element's text) to values[k mod n]. n ≥ 3, so
   * a switch never returns to what the panel showed before a switch it missed.
   */
  edits: Array<{ selector: string; attr?: string; values: string[] }>;
  /** The <leadpace-panel> attribute that follows the switch, and its value per variant. */
  probeAttr: string;
  probeValues: string[];
}

export interface MutatorConfig {
  perSecond: number;
  cycle: MutatorOp[];
  /** 0: no lead switches. */
  switchEveryMs: number;
  leadSwitch: LeadSwitch | null;
}

export interface SwitchRecord {
  at: number;
  expected: string;
  seenAt: number | null;
}

/** What the page script exposes as `window.__leadpaceLargePage`. */
export interface MutatorState {
  ticks: number;
  changes: number;
  region: number;
  outside: number;
  switches: SwitchRecord[];
}

export interface LargePage {
  name: string;
  url: string;
  html: string;
  /** The fields a correct extraction of this page (lead switching off) reads. */
  expected: Record<string, string>;
  /** Whether the page switches its lead in place now and then (see LeadSwitch). */
  switches: boolean;
}

/** The trace marker (console.timeStamp) the page script sets at every lead switch. */
export const SWITCH_MARKER = 'leadpace-bench:switch';

/** Runs in the page's main world (serialised): the CRM's own busy page script. */
function runMutator(config: MutatorConfig, SWITCH_MARKER: string): void {
  const state: MutatorState = { ticks: 0, changes: 0, region: 0, outside: 0, switches: [] };
  (window as Window & { __leadpaceLargePage?: MutatorState }).__leadpaceLargePage = state;
  const pools = new Map<string, Element[]>();
  const cursors = new Map<string, number>();
  const pick = (selector: string): Element | null => {
    let pool = pools.get(selector);
    if (!pool || pool.length === 0) {
      pool = Array.from(document.querySelectorAll(selector));
      pools.set(selector, pool);
    }
    if (pool.length === 0) return null;
    const i = cursors.get(selector) ?? 0;
    cursors.set(selector, i + 1);
    // A prime stride scatters the picks over the page instead of walking it in order.
    return pool[(i * 7919) % pool.length] ?? null;
  };
  const setText = (el: Element, text: string) => {
    const first = el.firstChild;
    if (first && first.nodeType === Node.TEXT_NODE) (first as Text).data = text;
    else el.prepend(document.createTextNode(text));
  };
  const run = (op: MutatorOp): number => {
    const el = pick(op.selector);
    if (!el) return 0;
    const n = state.ticks;
    switch (op.kind) {
      case 'clock':
        setText(el, new Date().toTimeString().slice(0, 8));
        return 1;
      case 'counter':
        setText(el, String((n * 37) % 1000));
        return 1;
      case 'age':
        setText(el, `${(n % 59) + 1} s geleden`);
        return 1;
      case 'feed': {
        const first = el.firstElementChild;
        const last = el.lastElementChild;
        if (!first || !last || first === last) return 0;
        const copy = first.cloneNode(true) as Element;
        copy.setAttribute('data-feed', String(n));
        el.prepend(copy);
        last.remove();
        return 2;
      }
      case 'attr':
        el.setAttribute('data-state', el.getAttribute('data-state') === 'a' ? 'b' : 'a');
        return 1;
      case 'class':
        el.classList.toggle('is-hot');
        return 1;
      case 'blink': {
        const dot = el.querySelector(':scope > [data-blink]');
        if (dot) dot.remove();
        else {
          const span = document.createElement('span');
          span.setAttribute('data-blink', '');
          span.textContent = 'typt…';
          el.append(span);
        }
        return 1;
      }
    }
  };
  setInterval(() => {
    const op = config.cycle[state.ticks % config.cycle.length];
    state.ticks += 1;
    if (!op) return;
    const changes = run(op);
    state.changes += changes;
    state[op.where] += changes;
  }, 1000 / config.perSecond);

  const leadSwitch = config.leadSwitch;
  if (!leadSwitch || config.switchEveryMs <= 0) return;
  let variant = 0;
  const variants = leadSwitch.probeValues.length;
  let observed: Element | null = null;
  const check = () => {
    const last = state.switches[state.switches.length - 1];
    const host = document.querySelector('leadpace-panel');
    if (last && last.seenAt === null && host?.getAttribute(leadSwitch.probeAttr) === last.expected) last.seenAt = performance.now();
  };
  setInterval(() => {
    variant = (variant + 1) % variants;
    for (const edit of leadSwitch.edits) {
      for (const el of Array.from(document.querySelectorAll(edit.selector))) {
        const value = edit.values[variant] ?? '';
        if (edit.attr) el.setAttribute(edit.attr, value);
        else el.textContent = value;
      }
    }
    state.switches.push({ at: performance.now(), expected: leadSwitch.probeValues[variant] ?? '', seenAt: null });
    // A trace marker, so the benchmark can tell the cost of following a lead from the rest.
    console.timeStamp(SWITCH_MARKER);
    const host = document.querySelector('leadpace-panel');
    if (host && host !== observed) {
      observed = host;
      new MutationObserver(check).observe(host, { attributes: true, attributeFilter: [leadSwitch.probeAttr] });
    }
    check();
  }, config.switchEveryMs);
}

/** The page script as an inline <script> (see page-script.ts for the `__name` shim). */
function pageScript(config: MutatorConfig): string {
  const source = `(() => { const __name = (f) => f; (${runMutator.toString()})(${JSON.stringify(config)}, ${JSON.stringify(SWITCH_MARKER)}); })();`;
  return `<script>${source.replace(/<\/script/gi, '<\\/script')}</script>`;
}

const esc = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const FIRST = ['Sanne', 'Mohamed', 'Jeroen', 'Priya', 'Willem', 'Fatma', 'Kees', 'Lotte', 'Daan', 'Noor', 'Bram', 'Eva', 'Thijs', 'Yara', 'Ruben'];
const LAST = ['de Vries', 'El Amrani', 'Bakker', 'Ramdin', 'van den Berg', 'Yılmaz', 'Jansen', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder'];
const CARS = ['Volkswagen Golf 1.5 eTSI', 'Škoda Octavia Combi', 'Volkswagen Tiguan R-Line', 'Volkswagen ID.4 Pro', 'Audi A3 Sportback', 'Seat Leon Sportstourer', 'Volkswagen Polo Style'];
const SOURCES = ['Marktplaats', 'AutoTrack', 'AutoScout24', 'Eigen website', 'Volkswagen.nl'];
const STATUSES = ['Nieuw', 'In behandeling', 'Afspraak', 'Verkocht', 'Verloren'];
const ACTIONS = ['belde', 'mailde', 'plande een proefrit met', 'stuurde een offerte naar', 'noteerde iets bij'];

const person = (i: number): string => `${FIRST[i % FIRST.length] ?? ''} ${LAST[(i * 7) % LAST.length] ?? ''}`;
const pad2 = (n: number) => String(n).padStart(2, '0');
const hhmm = (i: number) => `${pad2(8 + (i % 10))}:${pad2((i * 13) % 60)}`;

/** "2026-11-26T14:05:00+01:00"-style, `minutesAgo` before now, in UTC (the adapter reads the offset). */
function isoMinutesAgo(minutesAgo: number): string {
  return new Date(Date.now() - minutesAgo * 60_000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

// ---------------------------------------------------------------- demo CRM

const DEMO_LEAD = {
  id: 'L-5000',
  name: 'Sanne de Vries',
  phone: '+31612345678',
  phoneText: '06 12 34 56 78',
  email: 'sanne.devries@example.com',
  source: 'Marktplaats',
  vehicle: 'Volkswagen Golf 1.5 eTSI Life (2021, 48.000 km)',
  status: 'Nieuw',
};
// The leads the page switches to in place (drawer style), after DEMO_LEAD.
const DEMO_OTHERS = [
  { id: 'L-5001', name: 'Mohamed El Amrani', phone: '+31687654321', phoneText: '06 87 65 43 21', vehicle: 'Škoda Octavia Combi 1.4 TSI iV (2022, 31.500 km)' },
  { id: 'L-5002', name: 'Priya Ramdin', phone: '+31651122334', phoneText: '06 51 12 23 34', vehicle: 'Volkswagen ID.4 Pro 77 kWh (2023, 18.900 km)' },
];

export interface DemoPageOptions {
  tableRows?: number;
  feedItems?: number;
  timelineItems?: number;
  teamMembers?: number;
  perSecond?: number;
  /** Switch the lead in place (drawer style) every so many ms; 0 = never. */
  switchEveryMs?: number;
}

export function demoLargePage(options: DemoPageOptions = {}): LargePage {
  const { tableRows = 380, feedItems = 150, timelineItems = 60, teamMembers = 60, perSecond = 50, switchEveryMs = 5_000 } = options;
  const lead = DEMO_LEAD;
  const all = [lead, ...DEMO_OTHERS];
  const team = Array.from({ length: teamMembers }, (_, i) =>
    `<li class="member" data-state="a"><span class="dot" aria-hidden="true"></span><span class="member-name">${esc(person(i + 3))}</span><small class="member-count">${i % 9}</small></li>`,
  ).join('');
  const timeline = Array.from({ length: timelineItems }, (_, i) =>
    `<li class="tl-item" data-state="a"><time datetime="${isoMinutesAgo(20 + i * 30)}">${hhmm(i)}</time> <strong>${esc(ACTIONS[i % ACTIONS.length] ?? '')}</strong> <span>${esc(person(i))} — ${esc(CARS[i % CARS.length] ?? '')}</span> <small class="tl-age">${i + 1} min geleden</small></li>`,
  ).join('');
  const rows = Array.from({ length: tableRows }, (_, i) => {
    const id = `L-${4000 + i}`;
    const status = STATUSES[i % STATUSES.length] ?? '';
    return `<tr data-lead-id="${id}" data-state="a"><td class="col-id">${id}</td><td class="col-name"><a href="/leads/${id}" data-link>${esc(person(i))}</a></td><td class="col-source"><span class="source-tag">${esc(SOURCES[i % SOURCES.length] ?? '')}</span></td><td class="col-vehicle">${esc(CARS[i % CARS.length] ?? '')}</td><td class="col-created"><time datetime="${isoMinutesAgo(60 + i * 17)}">${hhmm(i)}</time></td><td class="col-status"><span class="status-pill status-${i % STATUSES.length}">${esc(status)}</span></td><td class="col-seen"><small class="seen">${i % 60}</small></td></tr>`;
  }).join('');
  const feed = Array.from({ length: feedItems }, (_, i) =>
    `<li class="feed-item"><span class="avatar" aria-hidden="true">${esc(person(i).slice(0, 2).toUpperCase())}</span> <strong>${esc(person(i + 5))}</strong> <span>${esc(ACTIONS[i % ACTIONS.length] ?? '')} ${esc(person(i + 2))}</span> <time>${hhmm(i)}</time></li>`,
  ).join('');
  const statusOptions = STATUSES.map((s) => `<option value="${esc(s)}"${s === lead.status ? ' selected' : ''}>${esc(s)}</option>`).join('');

  const html = `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>AutoHuis Demo CRM — ${esc(lead.name)}</title>
<style>
body{margin:0;font:14px/1.4 system-ui,sans-serif;display:grid;grid-template-columns:220px 1fr 280px;grid-template-rows:auto 1fr}
.topbar{grid-column:1/4;display:flex;gap:16px;align-items:center;padding:8px 16px;background:#12355b;color:#fff}
.sidebar{padding:12px;border-right:1px solid #ddd}.sidebar ul{list-style:none;margin:0;padding:0}
.member[data-state=b] .dot{background:#2a2}.dot{display:inline-block;width:8px;height:8px;border-radius:4px;background:#aaa;margin-right:6px}
.content{padding:16px;min-width:0}.card{border:1px solid #ddd;border-radius:6px;padding:12px;margin:0 0 12px}
.lead-columns{display:grid;grid-template-columns:1fr 1fr 1fr;gap:12px}.lead-fields{display:grid;grid-template-columns:auto 1fr;gap:4px 12px}
.lead-table{border-collapse:collapse;width:100%}.lead-table td,.lead-table th{border-bottom:1px solid #eee;padding:2px 6px;text-align:left}
tr[data-state=b]{background:#fffbe6}.is-hot{font-weight:bold}.activity-feed{padding:12px;border-left:1px solid #ddd;overflow:hidden}
.feed{list-style:none;margin:0;padding:0}.feed-item{padding:4px 0;border-bottom:1px solid #f0f0f0}
</style></head>
<body>
<header class="topbar">
  <a class="brand" href="/leads" data-link><span class="brand-mark" aria-hidden="true">AH</span> <span class="brand-name">AutoHuis <span class="brand-sub">Demo CRM</span></span></a>
  <span class="topbar-branch">Vestiging Utrecht-Noord</span>
  <form class="topbar-search" role="search"><input type="search" name="q" placeholder="Zoek klant, kenteken of lead-id…" aria-label="Zoeken"></form>
  <span class="bench-clock">00:00:00</span>
  <span class="notif-badge" title="Meldingen">3</span>
  <span class="topbar-user"><span class="avatar" aria-hidden="true">MV</span> M. Visser · Verkoop</span>
</header>
<nav class="sidebar" aria-label="Hoofdmenu">
  <ul>
    <li><a href="/leads" data-link data-menu="leads" class="active">Leads</a></li>
    <li><a href="/agenda" data-link data-menu="agenda">Agenda</a></li>
    <li><a href="/voorraad" data-link data-menu="voorraad">Voorraad</a></li>
    <li><a href="/klanten" data-link data-menu="klanten">Klanten</a></li>
    <li><a href="/rapportages" data-link data-menu="rapportages">Rapportages</a></li>
  </ul>
  <h2>Team online</h2>
  <ul class="team">${team}</ul>
  <p class="sidebar-foot">AutoHuis CRM 7.4.2<br>Sneltoetsen: n, j, k, g</p>
</nav>
<main id="app" class="content" aria-live="polite">
  <nav class="breadcrumb" aria-label="Kruimelpad"><a href="/leads" data-link>Leads</a><span aria-hidden="true"> › </span><span>${lead.id}</span></nav>
  <section class="detail-toolbar"><button type="button" class="btn btn-secondary" data-action="open-drawer">Snel wisselen</button> <a class="btn btn-secondary" href="/leads" data-link>Terug naar inbox</a></section>
  <section class="lead-detail" data-record-id="${lead.id}">
    <header class="lead-head"><h1 class="lead-title">${esc(lead.name)}</h1> <span class="lead-id">${lead.id}</span> <span class="status-pill status-0">${esc(lead.status)}</span> <small class="lead-viewers">2</small></header>
    <section class="lead-columns">
      <section class="card lead-card"><h2>Gegevens</h2>
        <dl class="lead-fields">
          <dt>Bron</dt><dd>${esc(lead.source)}</dd>
          <dt>Telefoon</dt><dd><a class="lead-phone" href="tel:${lead.phone}">${esc(lead.phoneText)}</a></dd>
          <dt>E-mail</dt><dd><a href="mailto:${lead.email}">${esc(lead.email)}</a></dd>
          <dt>Interesse</dt><dd class="lead-vehicle">${esc(lead.vehicle)}</dd>
          <dt>Aangemaakt</dt><dd><time datetime="${isoMinutesAgo(12)}">${hhmm(3)}</time></dd>
          <dt>Status</dt><dd><select name="status" aria-label="Status wijzigen">${statusOptions}</select></dd>
        </dl></section>
      <section class="card lead-notes"><h2><label for="lead-notes">Notities</label></h2><textarea id="lead-notes" name="notes" rows="5" placeholder="Notitie over dit gesprek…"></textarea><p class="typing"></p><button type="button" class="btn" data-action="save-notes">Notitie opslaan</button></section>
      <section class="card lead-activity"><h2>Activiteit</h2><ol class="lead-timeline">${timeline}</ol></section>
    </section>
    <nav class="lead-pager" aria-label="Vorige of volgende lead"><span class="pager-disabled" data-nav="prev">← Vorige</span> <a href="/leads/L-5001" data-link data-nav="next" rel="next">Volgende →</a></nav>
  </section>
  <section class="card recent-leads"><h2>Recente leads <small class="refresh-count">0</small></h2>
    <table class="lead-table"><thead><tr><th scope="col">Lead-id</th><th scope="col">Naam</th><th scope="col">Bron</th><th scope="col">Interesse</th><th scope="col">Aangemaakt</th><th scope="col">Status</th><th scope="col">Gezien</th></tr></thead>
    <tbody>${rows}</tbody></table></section>
</main>
<aside class="activity-feed" aria-label="Live activiteit"><h2>Live activiteit</h2><ul class="feed">${feed}</ul></aside>
<output class="toast" hidden></output>
${pageScript({
    perSecond,
    // 10 operations, 200 ms per cycle at 50/s: the lead region changes every 100 ms (2 of 10),
    // which is more often than a 150 ms debounce can wait out.
    cycle: [
      { kind: 'clock', selector: '.bench-clock', where: 'outside' },
      { kind: 'feed', selector: '.feed', where: 'outside' },
      { kind: 'counter', selector: '.lead-table .seen', where: 'outside' },
      { kind: 'age', selector: '.lead-detail .tl-age', where: 'region' },
      { kind: 'attr', selector: '.lead-table tbody tr', where: 'outside' },
      { kind: 'attr', selector: '.team .member', where: 'outside' },
      { kind: 'class', selector: '.lead-table .col-name a', where: 'outside' },
      { kind: 'counter', selector: '.notif-badge, .refresh-count, .team .member-count', where: 'outside' },
      { kind: 'blink', selector: '.lead-detail .typing, .lead-detail .lead-viewers', where: 'region' },
      { kind: 'feed', selector: '.feed', where: 'outside' },
    ],
    switchEveryMs,
    leadSwitch: {
      edits: [
        { selector: 'section.lead-detail', attr: 'data-record-id', values: all.map((l) => l.id) },
        { selector: '.lead-detail .lead-title', values: all.map((l) => l.name) },
        { selector: '.lead-detail .lead-id', values: all.map((l) => l.id) },
        { selector: '.lead-detail .lead-phone', attr: 'href', values: all.map((l) => `tel:${l.phone}`) },
        { selector: '.lead-detail .lead-phone', values: all.map((l) => l.phoneText) },
        { selector: '.lead-detail .lead-vehicle', values: all.map((l) => l.vehicle) },
      ],
      probeAttr: 'data-lead-id',
      probeValues: all.map((l) => l.id),
    },
  })}
</body></html>`;
  return {
    name: 'demo',
    url: `http://leadpace-demo.localhost/leads/${lead.id}`,
    html,
    expected: { leadId: lead.id, name: lead.name, phone: lead.phone, email: lead.email, sourceRaw: lead.source, vehicle: lead.vehicle, statusRaw: lead.status },
    switches: switchEveryMs > 0,
  };
}

// ---------------------------------------------------------------- Salesforce

interface Fixture {
  url: string;
  html: string;
  expected: Record<string, string>;
}

function fixture(crm: string, name: string): Fixture {
  const dir = resolve('tests/fixtures/crm', crm);
  const expected = JSON.parse(readFileSync(resolve(dir, `${name}.expected.json`), 'utf8')) as { url: string; snapshot: Record<string, unknown> };
  const fields: Record<string, string> = {};
  for (const key of ['leadId', 'name', 'phone', 'email', 'sourceRaw', 'vehicle', 'statusRaw']) {
    const value = expected.snapshot[key];
    if (typeof value === 'string') fields[key] = value;
  }
  return { url: expected.url, html: readFileSync(resolve(dir, `${name}.html`), 'utf8'), expected: fields };
}

/** Replaces `marker` (which must occur exactly once) with `replacement`. */
function insertAt(html: string, marker: string, replacement: string): string {
  const at = html.indexOf(marker);
  if (at === -1 || html.indexOf(marker, at + 1) !== -1) throw new Error(`marker must occur once: ${marker}`);
  return html.slice(0, at) + replacement + html.slice(at + marker.length);
}

const US_FIRST = ['Tyler', 'Maria', 'James', 'Ashley', 'Kevin', 'Brianna', 'Marcus', 'Jessica', 'Dylan', 'Olivia', 'Carlos', 'Hannah'];
const US_LAST = ['Brooks', 'Gonzalez', 'Nguyen', 'Patel', 'Johnson', 'Thompson', 'Reed', 'Carter', 'Lopez', 'Kim'];
const usPerson = (i: number) => `${US_FIRST[i % US_FIRST.length] ?? ''} ${US_LAST[(i * 7) % US_LAST.length] ?? ''}`;
const US_SOURCES = ['Web', 'Phone Inquiry', 'CarGurus', 'AutoTrader.com', 'Cars.com', 'Walk-In', 'Referral'];
const US_CARS = ['2024 Honda CR-V EX-L', '2025 Honda Civic Sport', '2024 Honda Accord Hybrid', '2025 Honda Pilot TrailSport', '2024 Honda HR-V LX'];
const SF_STATUSES = ['Open - Not Contacted', 'Working - Contacted', 'Nurturing', 'Closed - Not Converted'];

export interface SalesforcePageOptions {
  listRows?: number;
  timelineItems?: number;
  relatedRows?: number;
  perSecond?: number;
  switchEveryMs?: number;
}

export function salesforceLargePage(options: SalesforcePageOptions = {}): LargePage {
  const { listRows = 360, timelineItems = 120, relatedRows = 100, perSecond = 50, switchEveryMs = 5_000 } = options;
  const base = fixture('salesforce', 'lead-standard');
  const listView = Array.from({ length: listRows }, (_, i) =>
    `<tr data-row-key-value="00Q5j0000${String(100000 + i)}" data-state="a"><th scope="row"><a href="/lightning/r/00Q5j0000${String(100000 + i)}AAA/view" title="${esc(usPerson(i))}">${esc(usPerson(i))}</a></th><td><span class="slds-truncate">${esc(US_SOURCES[i % US_SOURCES.length] ?? '')}</span></td><td><span class="slds-truncate">${esc(SF_STATUSES[i % SF_STATUSES.length] ?? '')}</span></td><td><span class="slds-truncate">${esc(US_CARS[i % US_CARS.length] ?? '')}</span></td><td><lightning-formatted-date-time>11/${pad2(1 + (i % 26))}/2026</lightning-formatted-date-time></td><td><span class="slds-truncate bench-cell">${i % 50}</span></td></tr>`,
  ).join('');
  const cachedPage = `<div class="windowViewMode-normal oneContent lafPageHost" data-aura-class="oneContent"><force-list-view-manager><div class="slds-page-header"><h1 class="slds-page-header__title">Recently Viewed Leads</h1></div><table class="slds-table slds-table_bordered"><thead><tr><th>Name</th><th>Lead Source</th><th>Lead Status</th><th>Vehicle</th><th>Created Date</th><th>Score</th></tr></thead><tbody>${listView}</tbody></table></force-list-view-manager></div>`;
  const timeline = Array.from({ length: timelineItems }, (_, i) =>
    `<li class="slds-timeline__item" data-state="a"><div class="slds-media"><div class="slds-media__figure"><span class="slds-icon_container" title="${i % 2 ? 'Email' : 'Call'}"><svg class="slds-icon" aria-hidden="true"></svg></span></div><div class="slds-media__body"><p class="slds-truncate"><a href="/lightning/r/00T5j00000${String(200000 + i)}/view">${i % 2 ? 'Email: Your Honda quote' : 'Call: Follow up'}</a></p><p class="slds-text-body_small">${esc(usPerson(i + 1))} logged an activity</p></div><p class="slds-timeline__date bench-age">${i + 1} min ago</p></div></li>`,
  ).join('');
  const related = Array.from({ length: relatedRows }, (_, i) =>
    `<tr data-state="a"><th scope="row"><a href="/lightning/r/7015j00000${String(300000 + i)}/view">Campaign ${i + 1}</a></th><td>${i % 2 ? 'Sent' : 'Responded'}</td><td>11/${pad2(1 + (i % 26))}/2026</td><td class="bench-cell">${i % 7}</td></tr>`,
  ).join('');
  const padding = `<article class="slds-card bench-activity"><h2 class="slds-card__header-title"><span title="Activity">Activity</span> <span class="bench-typing"></span></h2><div class="slds-card__body"><ul class="slds-timeline">${timeline}</ul></div></article><article class="slds-card"><h2 class="slds-card__header-title"><span title="Campaign History">Campaign History (${relatedRows})</span></h2><div class="slds-card__body"><table class="slds-table"><tbody>${related}</tbody></table></div></article>`;

  let html = base.html;
  html = insertAt(html, '<ul class="slds-global-actions">', '<span class="bench-clock slds-global-header__item">00:00:00</span> <span class="bench-notifications">0</span><ul class="slds-global-actions">');
  html = insertAt(html, '<div class="center oneCenterStage lafSinglePaneWindowManager">', `<div class="center oneCenterStage lafSinglePaneWindowManager">${cachedPage}`);
  html = insertAt(html, '<lst-related-list-container>', `<lst-related-list-container>${padding}`);
  html = insertAt(html, '<ul class="slds-utility-bar">', '<ul class="slds-utility-bar"><li class="slds-utility-bar__item"><span class="bench-omni">0</span> waiting</li>');
  const source = '[data-target-selection-name="sfdc:RecordField.Lead.LeadSource"] lightning-formatted-text';
  html = insertAt(
    html,
    '</body>',
    `${pageScript({
      perSecond,
      // At 50/s: 9 of 10 changes fall inside .oneCenterStage, the region the Salesforce adapter
      // watches for cached-page and console-tab swaps.
      cycle: [
        { kind: 'clock', selector: '.bench-clock', where: 'outside' },
        { kind: 'feed', selector: '.bench-activity .slds-timeline', where: 'region' },
        { kind: 'counter', selector: 'force-list-view-manager .bench-cell', where: 'region' },
        { kind: 'age', selector: '.bench-activity .bench-age', where: 'region' },
        { kind: 'attr', selector: 'force-list-view-manager tbody tr', where: 'region' },
        { kind: 'counter', selector: 'lst-related-list-container .bench-cell', where: 'region' },
        { kind: 'class', selector: 'force-list-view-manager th a', where: 'region' },
        { kind: 'attr', selector: '.bench-activity .slds-timeline__item', where: 'region' },
        { kind: 'blink', selector: '.bench-typing', where: 'region' },
        { kind: 'counter', selector: '.bench-omni, .bench-notifications', where: 'region' },
      ],
      switchEveryMs,
      leadSwitch: {
        edits: [{ selector: source, values: ['AutoTrader.com', 'CarGurus', 'Cars.com'] }],
        probeAttr: 'data-source',
        probeValues: ['autotrader', 'cargurus', 'carscom'],
      },
    })}</body>`,
  );
  return { name: 'salesforce', url: base.url, html, expected: base.expected, switches: switchEveryMs > 0 };
}

// ---------------------------------------------------------------- VinSolutions (labels only)

export function vinsolutionsLargePage({ dashboardRows = 380, historyItems = 600, perSecond = 50 } = {}): LargePage {
  const base = fixture('vinsolutions', 'labels-only-hidden-ids');
  const menu = Array.from({ length: 60 }, (_, i) => `<li><a href="/CarDashboard/Pages/Menu${i}.aspx">Menu item ${i + 1}</a></li>`).join('');
  const dashboard = Array.from({ length: dashboardRows }, (_, i) =>
    `<tr data-state="a"><td><a href="/CarDashboard/Pages/CRM/CustomerDashboard.aspx?GlobalCustomerID=${1450030000 + i}">${esc(usPerson(i))}</a></td><td>${esc(US_CARS[i % US_CARS.length] ?? '')}</td><td>${esc(US_SOURCES[i % US_SOURCES.length] ?? '')}</td><td>${esc(SF_STATUSES[i % SF_STATUSES.length] ?? '')}</td><td>${esc(usPerson(i + 3))}</td><td>11/${pad2(1 + (i % 26))}/2026</td><td class="bench-cell">${i % 13}</td></tr>`,
  ).join('');
  const history = Array.from({ length: historyItems }, (_, i) =>
    `<li data-state="a">11/${pad2(1 + (i % 26))}/2026 ${hhmm(i)} - <b>${esc(usPerson(i))}</b> ${i % 2 ? 'sent an email' : 'logged a call'} <span class="bench-age">${i + 1}m</span></li>`,
  ).join('');
  let html = base.html;
  html = insertAt(
    html,
    '<div class="lead-view">',
    `<ul class="menu">${menu}</ul><div class="dashboard"><h3>Today's customers <span class="bench-clock">00:00:00</span></h3><table class="grid"><thead><tr><th>Customer</th><th>Vehicle</th><th>Source</th><th>Status</th><th>Sales Rep</th><th>Created</th><th>Attempts</th></tr></thead><tbody>${dashboard}</tbody></table></div><div class="lead-view">`,
  );
  html = insertAt(html, '</form>', `<ul class="history bench-history">${history}</ul></form>`);
  html = insertAt(
    html,
    '</body>',
    `${pageScript({
      perSecond,
      cycle: [
        { kind: 'clock', selector: '.bench-clock', where: 'outside' },
        { kind: 'counter', selector: '.dashboard .bench-cell', where: 'outside' },
        { kind: 'feed', selector: '.bench-history', where: 'outside' },
        { kind: 'age', selector: '.bench-history .bench-age', where: 'outside' },
        { kind: 'attr', selector: '.dashboard tbody tr', where: 'outside' },
      ],
      switchEveryMs: 0,
      leadSwitch: null,
    })}</body>`,
  );
  return { name: 'vinsolutions', url: base.url, html, expected: base.expected, switches: false };
}
