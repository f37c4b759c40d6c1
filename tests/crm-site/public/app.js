// AutoHuis Demo CRM — a deliberately ordinary SPA: pushState routing, a polling inbox, a detail
// page that a drawer can re-render in place, and single-key hotkeys like real CRMs have.
// Page data is only ever set with textContent / attributes, never parsed as HTML.

// `?zone=America/Chicago` prints every time in another zone, as a US tenant's CRM would: the
// wall times change, the machine timestamps beside them (`<time datetime>`, `title`) carry the
// zone's own offset.
const ZONE = (() => {
  const asked = new URLSearchParams(location.search).get('zone');
  if (!asked) return 'Europe/Amsterdam';
  try {
    new Intl.DateTimeFormat('en', { timeZone: asked }).format(0);
    return asked;
  } catch {
    return 'Europe/Amsterdam';
  }
})();
const ZONE_ASKED = new URLSearchParams(location.search).has('zone');
const STATUSES = ['Nieuw', 'In behandeling', 'Afspraak', 'Verkocht', 'Verloren'];
const HOTKEYS = new Set(['n', 'j', 'k', 'g']);
const HOSTILE_CSS = 'html{font-size:10px} *{font-size:40px !important} div{display:none}';

window.__crmHotkeys = [];

const app = document.getElementById('app');
const toast = document.querySelector('.toast');
let routeToken = 0;
let pollTimer = null;
let leadsCache = [];

// ---------- helpers ----------

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'value') el.value = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** The query parameters that survive navigation (test switches). */
function keptQuery() {
  const current = new URLSearchParams(location.search);
  const kept = new URLSearchParams();
  for (const key of ['hostile', 'delay', 'zone']) {
    const value = current.get(key);
    if (value !== null) kept.set(key, value);
  }
  const text = kept.toString();
  return text ? `?${text}` : '';
}

function navigate(path) {
  history.pushState({}, '', path + keptQuery());
  route();
}

async function api(path, init) {
  const res = await fetch(path, {
    ...init,
    headers: init?.body ? { 'content-type': 'application/json' } : undefined,
  });
  const body = await res.json();
  if (!res.ok) throw new Error(body.error ?? `HTTP ${res.status}`);
  return body;
}

function zonedParts(iso) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  }).formatToParts(new Date(iso));
  const get = (type) => parts.find((p) => p.type === type)?.value ?? '';
  const offset = get('timeZoneName').replace('GMT', '') || '+00:00';
  return { y: get('year'), mo: get('month'), d: get('day'), h: get('hour'), mi: get('minute'), s: get('second'), offset };
}

/** "26-11-2026 14:05" in the dealer's zone. */
function formatDateTime(iso) {
  const p = zonedParts(iso);
  return `${p.d}-${p.mo}-${p.y} ${p.h}:${p.mi}`;
}

/** "2026-11-26T14:05:00+01:00": what a CRM puts in <time datetime>. */
function isoWithOffset(iso) {
  const p = zonedParts(iso);
  return `${p.y}-${p.mo}-${p.d}T${p.h}:${p.mi}:${p.s}${p.offset}`;
}

function relativeAge(iso) {
  const minutes = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 60_000));
  if (minutes < 1) return 'zojuist';
  if (minutes < 60) return `${minutes} min geleden`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} uur geleden`;
  const days = Math.round(hours / 24);
  return days === 1 ? 'gisteren' : `${days} dagen geleden`;
}

const AREA_CODES_2 = new Set(['10', '13', '15', '20', '23', '24', '26', '30', '33', '35', '36', '38', '40', '43', '45', '46', '50', '53', '55', '58', '70', '71', '72', '73', '74', '75', '76', '77', '78', '79']);

/** "+31612345678" → "06 12 34 56 78", "+31201234567" → "020 123 4567". */
function formatPhone(e164) {
  if (!e164.startsWith('+31')) return e164;
  const national = `0${e164.slice(3)}`;
  if (national.startsWith('06') && national.length === 10) {
    return `06 ${national.slice(2, 4)} ${national.slice(4, 6)} ${national.slice(6, 8)} ${national.slice(8, 10)}`;
  }
  if (AREA_CODES_2.has(national.slice(1, 3))) return `${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`;
  return `${national.slice(0, 4)} ${national.slice(4)}`;
}

function statusClass(status) {
  return `status-pill status-${STATUSES.indexOf(status)}`;
}

let toastTimer = null;
function showToast(message) {
  toast.textContent = message;
  toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (toast.hidden = true), 2000);
}

function setActiveMenu(name) {
  for (const link of document.querySelectorAll('.sidebar a[data-menu]')) {
    link.classList.toggle('active', link.dataset.menu === name);
  }
}

function stopPolling() {
  clearInterval(pollTimer);
  pollTimer = null;
}

// ---------- routing ----------

function route() {
  routeToken += 1;
  stopPolling();
  closeDrawer();
  const path = location.pathname.replace(/\/+$/, '') || '/';
  const detail = /^\/leads\/([^/]+)$/.exec(path);
  if (path === '/' || path === '/leads') return renderInbox(routeToken);
  if (detail) return renderDetail(decodeURIComponent(detail[1]), routeToken);
  const menu = path.slice(1);
  setActiveMenu(menu);
  app.replaceChildren(
    h('section', { class: 'card placeholder-page' },
      h('h1', { text: menu.charAt(0).toUpperCase() + menu.slice(1) }),
      h('p', { text: 'Deze module is niet beschikbaar in de demo-omgeving.' }),
      h('a', { href: '/leads', 'data-link': true, text: '← Terug naar leads' })),
  );
}

// ---------- inbox ----------

function leadRow(lead) {
  const href = `/leads/${encodeURIComponent(lead.id)}`;
  return h('tr', { 'data-lead-id': lead.id, class: lead.status === 'Nieuw' ? 'is-new' : undefined },
    h('td', { class: 'col-id', text: lead.id }),
    h('td', { class: 'col-name' }, h('a', { href, 'data-link': true, text: lead.name })),
    h('td', { class: 'col-source' }, h('span', { class: 'source-tag', text: lead.source })),
    h('td', { class: 'col-vehicle', text: lead.vehicle ?? '—' }),
    h('td', { class: 'col-created' },
      lead.createdAt
        ? [h('time', { datetime: isoWithOffset(lead.createdAt), text: formatDateTime(lead.createdAt) }),
           h('small', { text: relativeAge(lead.createdAt) })]
        : '—'),
    h('td', { class: 'col-status' }, h('span', { class: statusClass(lead.status), text: lead.status })),
  );
}

function inboxStats(leads) {
  const count = (status) => leads.filter((l) => l.status === status).length;
  return h('ul', { class: 'stats' },
    STATUSES.slice(0, 4).map((status) =>
      h('li', {}, h('strong', { text: String(count(status)) }), h('span', { text: status }))));
}

async function renderInbox(token) {
  setActiveMenu('leads');
  let leads;
  try {
    leads = await api('/api/leads');
  } catch (error) {
    if (token === routeToken) app.replaceChildren(h('p', { class: 'error', text: `Leads laden mislukt: ${error.message}` }));
    return;
  }
  if (token !== routeToken) return;
  leadsCache = leads;
  const tbody = h('tbody', {}, leads.map(leadRow));
  const stats = inboxStats(leads);
  app.replaceChildren(
    h('section', { class: 'inbox card' },
      h('header', { class: 'page-head' },
        h('h1', { text: 'Leads' }),
        h('span', { class: 'muted', text: 'Alle bronnen · vernieuwt automatisch' })),
      stats,
      h('table', { class: 'lead-table' },
        h('thead', {}, h('tr', {},
          ['Lead-id', 'Naam', 'Bron', 'Interesse', 'Aangemaakt', 'Status'].map((t) => h('th', { scope: 'col', text: t })))),
        tbody)),
  );
  let last = JSON.stringify(leads);
  pollTimer = setInterval(async () => {
    try {
      const fresh = await api('/api/leads');
      if (token !== routeToken) return;
      const text = JSON.stringify(fresh);
      if (text === last) return;
      last = text;
      leadsCache = fresh;
      tbody.replaceChildren(...fresh.map(leadRow));
      stats.replaceWith(inboxStats(fresh));
    } catch {
      // A missed poll is retried two seconds later.
    }
  }, 2000);
}

// ---------- detail ----------

function field(label, ...value) {
  return [h('dt', { text: label }), h('dd', {}, ...value)];
}

function neighbours(id) {
  const index = leadsCache.findIndex((l) => l.id === id);
  return {
    prev: index > 0 ? leadsCache[index - 1] : undefined,
    next: index >= 0 && index < leadsCache.length - 1 ? leadsCache[index + 1] : undefined,
  };
}

function pagerLink(kind, lead) {
  const label = kind === 'prev' ? '← Vorige' : 'Volgende →';
  if (!lead) return h('span', { class: 'pager-disabled', 'data-nav': kind, text: label });
  return h('a', { href: `/leads/${encodeURIComponent(lead.id)}`, 'data-link': true, 'data-nav': kind, rel: kind, text: label });
}

/** Fills the (existing) detail section for `lead`: used by routing and by the drawer. */
function fillDetail(section, lead) {
  section.setAttribute('data-record-id', lead.id);
  const pill = h('span', { class: statusClass(lead.status), text: lead.status });
  const select = h('select', { name: 'status', 'aria-label': 'Status wijzigen' },
    STATUSES.map((s) => h('option', { value: s, text: s, selected: s === lead.status })));
  select.value = lead.status;
  select.addEventListener('change', async () => {
    try {
      const updated = await api(`/api/leads/${encodeURIComponent(lead.id)}`, { method: 'PATCH', body: JSON.stringify({ status: select.value }) });
      pill.textContent = updated.status;
      pill.className = statusClass(updated.status);
      showToast(`Status opgeslagen: ${updated.status}`);
    } catch (error) {
      showToast(`Opslaan mislukt: ${error.message}`);
    }
  });
  const notes = h('textarea', { id: 'lead-notes', name: 'notes', rows: 5, placeholder: 'Notitie over dit gesprek…', value: lead.notes ?? '' });
  const { prev, next } = neighbours(lead.id);

  section.replaceChildren(
    h('header', { class: 'lead-head' },
      h('h1', { class: 'lead-title', text: lead.name }),
      h('span', { class: 'lead-id', text: lead.id }),
      pill,
      // A CRM's own click-to-call control: a button whose script hands the number to the
      // softphone (callto:), with no link to see in the page.
      lead.phone
        ? h('button', {
          type: 'button',
          class: 'btn btn-secondary',
          'data-action': 'click-to-call',
          text: 'Bellen',
          onclick: () => {
            location.href = `callto:${lead.phone}`;
          },
        })
        : []),
    h('section', { class: 'lead-columns' },
      h('section', { class: 'card lead-card' },
        h('h2', { text: 'Gegevens' }),
        h('dl', { class: 'lead-fields' },
          field('Bron', lead.source),
          field('Telefoon', lead.phone ? h('a', { href: `tel:${lead.phone}`, text: formatPhone(lead.phone) }) : '—'),
          field('E-mail', lead.email ? h('a', { href: `mailto:${lead.email}`, text: lead.email }) : '—'),
          field('Interesse', lead.vehicle ?? '—'),
          lead.createdAt
            ? field('Aangemaakt', h('time', { datetime: isoWithOffset(lead.createdAt), text: formatDateTime(lead.createdAt) }))
            : [],
          field('Status', select))),
      // A US tenant's activity timeline: wall times with the instant in a title, like many CRMs.
      ZONE_ASKED
        ? h('section', { class: 'card lead-timeline' },
          h('h2', { text: 'Tijdlijn' }),
          h('ul', {},
            lead.createdAt
              ? h('li', {}, 'Lead binnengekomen · ', h('span', { title: isoWithOffset(lead.createdAt), text: formatDateTime(lead.createdAt) }))
              : [],
            h('li', {}, 'Pagina geopend · ', h('time', { datetime: isoWithOffset(new Date().toISOString()), text: formatDateTime(new Date().toISOString()) }))))
        : [],
      h('section', { class: 'card lead-notes' },
        h('h2', {}, h('label', { for: 'lead-notes', text: 'Notities' })),
        notes,
        h('button', {
          type: 'button',
          class: 'btn',
          'data-action': 'save-notes',
          text: 'Notitie opslaan',
          onclick: async () => {
            try {
              await api(`/api/leads/${encodeURIComponent(lead.id)}`, { method: 'PATCH', body: JSON.stringify({ notes: notes.value }) });
              showToast('Notitie opgeslagen');
            } catch (error) {
              showToast(`Opslaan mislukt: ${error.message}`);
            }
          },
        }))),
    h('nav', { class: 'lead-pager', 'aria-label': 'Vorige of volgende lead' }, pagerLink('prev', prev), pagerLink('next', next)),
  );
}

function wait(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function renderDetail(id, token) {
  setActiveMenu('leads');
  app.replaceChildren(h('p', { class: 'loading', text: 'Lead laden…' }));
  let lead;
  try {
    const [one, all] = await Promise.all([
      api(`/api/leads/${encodeURIComponent(id)}`).catch(() => null),
      api('/api/leads'),
    ]);
    lead = one;
    leadsCache = all;
  } catch (error) {
    if (token === routeToken) app.replaceChildren(h('p', { class: 'error', text: `Laden mislukt: ${error.message}` }));
    return;
  }
  const delay = Number(new URLSearchParams(location.search).get('delay'));
  if (Number.isFinite(delay) && delay > 0) await wait(Math.min(delay, 30_000));
  if (token !== routeToken) return;
  if (!lead) {
    app.replaceChildren(
      h('section', { class: 'card lead-missing' },
        h('h1', { text: 'Lead niet gevonden' }),
        h('p', {}, 'Er is geen lead met id ', h('code', { text: id }), '.'),
        h('a', { href: '/leads', 'data-link': true, text: '← Terug naar leads' })),
    );
    return;
  }
  const section = h('section', { class: 'lead-detail' });
  fillDetail(section, lead);
  app.replaceChildren(
    h('nav', { class: 'breadcrumb', 'aria-label': 'Kruimelpad' },
      h('a', { href: '/leads', 'data-link': true, text: 'Leads' }),
      h('span', { 'aria-hidden': 'true', text: ' › ' }),
      h('span', { text: id })),
    h('section', { class: 'detail-toolbar' },
      h('button', { type: 'button', class: 'btn btn-secondary', 'data-action': 'open-drawer', text: 'Snel wisselen' }),
      h('a', { class: 'btn btn-secondary', href: '/leads', 'data-link': true, text: 'Terug naar inbox' })),
    section,
    buildDrawer(),
  );
}

// ---------- drawer ----------

function buildDrawer() {
  return h('aside', { class: 'lead-drawer', hidden: true, 'aria-label': 'Snel wisselen tussen leads' },
    h('header', {},
      h('h2', { text: 'Snel wisselen' }),
      h('button', { type: 'button', class: 'btn-close', 'data-action': 'close-drawer', 'aria-label': 'Sluiten', text: '×' })),
    h('ul', {},
      leadsCache.map((lead) =>
        h('li', {},
          h('button', { type: 'button', 'data-drawer-lead': lead.id },
            h('strong', { text: lead.name }),
            h('small', { text: `${lead.id} · ${lead.source}` }))))));
}

function openDrawer() {
  const drawer = document.querySelector('.lead-drawer');
  if (drawer) drawer.hidden = false;
}

function closeDrawer() {
  const drawer = document.querySelector('.lead-drawer');
  if (drawer) drawer.hidden = true;
}

async function switchInDrawer(id) {
  const section = document.querySelector('section.lead-detail');
  if (!section) return;
  try {
    const lead = await api(`/api/leads/${encodeURIComponent(id)}`);
    // Same element, new content, unchanged URL: the case URL-watching extensions miss.
    fillDetail(section, lead);
    closeDrawer();
  } catch (error) {
    showToast(`Laden mislukt: ${error.message}`);
  }
}

// ---------- hotkeys ----------

function currentLeadId() {
  return document.querySelector('section.lead-detail')?.getAttribute('data-record-id') ?? null;
}

function onKeydown(event) {
  if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
  const key = event.key;
  if (!HOTKEYS.has(key)) return;
  const target = event.target;
  // Like most CRMs: only the page's own form fields are exempt. A field inside a shadow root
  // reaches us retargeted to its host, so it is NOT exempt — extensions must isolate events.
  if (target instanceof Element && (target.matches('input, textarea, select') || target.isContentEditable)) return;
  window.__crmHotkeys.push(key);
  if (key === 'g') {
    navigate('/leads');
    return;
  }
  const id = currentLeadId();
  if (key === 'n') {
    const notes = document.getElementById('lead-notes');
    if (notes) {
      event.preventDefault();
      notes.focus();
    }
    return;
  }
  const list = leadsCache;
  const index = id ? list.findIndex((l) => l.id === id) : -1;
  const target2 = key === 'j' ? list[index + 1] : list[index - 1];
  if (id && target2) navigate(`/leads/${encodeURIComponent(target2.id)}`);
  else if (!id && key === 'j' && list[0]) navigate(`/leads/${encodeURIComponent(list[0].id)}`);
}

// ---------- wiring ----------

if (new URLSearchParams(location.search).get('hostile') === '1') {
  document.head.append(h('style', { id: 'hostile-css', text: HOSTILE_CSS }));
}

document.addEventListener('click', (event) => {
  if (!(event.target instanceof Element)) return;
  const action = event.target.closest('[data-action]');
  if (action?.dataset.action === 'open-drawer') return openDrawer();
  if (action?.dataset.action === 'close-drawer') return closeDrawer();
  const drawerLead = event.target.closest('[data-drawer-lead]');
  if (drawerLead) return void switchInDrawer(drawerLead.getAttribute('data-drawer-lead'));

  const link = event.target.closest('a[data-link]');
  if (link && event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
    const url = new URL(link.href);
    if (url.origin === location.origin) {
      event.preventDefault();
      navigate(url.pathname);
    }
    return;
  }
  // Whole inbox rows are clickable, as in most CRMs.
  const row = event.target.closest('tr[data-lead-id]');
  if (row) navigate(`/leads/${encodeURIComponent(row.dataset.leadId)}`);
});

document.addEventListener('keydown', onKeydown);
document.querySelector('.topbar-search')?.addEventListener('submit', (event) => event.preventDefault());
window.addEventListener('popstate', route);
route();
