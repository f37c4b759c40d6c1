// AutoHuis Demo CRM: a fake dealer CRM for demos and end-to-end tests. Plain Node `http`, no
// dependencies, data in memory (reset on every start, or via POST /api/reset).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));
const HOST_NAME = 'leadpace-demo.localhost';
const MAX_BODY = 64 * 1024;

export const STATUSES = ['Nieuw', 'In behandeling', 'Afspraak', 'Verkocht', 'Verloren'];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** Seeded leads; created times are relative to `start` so ages look live in every run. */
export function seedLeads(start = Date.now()) {
  const at = (ago) => new Date(start - ago).toISOString();
  return [
    {
      id: 'L-1042',
      name: 'Sanne de Vries',
      phone: '+31612345678',
      email: 'sanne.devries@example.com',
      source: 'Marktplaats',
      vehicle: 'Volkswagen Golf 1.5 eTSI Life (2021, 48.000 km)',
      createdAt: at(3 * MIN),
      status: 'Nieuw',
      notes: '',
    },
    {
      id: 'L-1043',
      name: 'Mohamed El Amrani',
      phone: '+31687654321',
      email: 'm.elamrani@example.com',
      source: 'AutoTrack',
      vehicle: 'Škoda Octavia Combi 1.4 TSI iV Business Edition (2022, 31.500 km)',
      createdAt: at(40 * MIN),
      status: 'Nieuw',
      notes: '',
    },
    {
      id: 'L-1044',
      name: 'Jeroen Bakker',
      phone: '+31201234567',
      email: 'jeroen.bakker@example.com',
      source: 'AutoScout24',
      vehicle: 'Volkswagen Tiguan 1.5 TSI R-Line (2020, 62.300 km)',
      createdAt: at(2 * HOUR),
      status: 'In behandeling',
      notes: 'Wil inruil (Opel Astra 2015) laten taxeren.',
    },
    {
      id: 'L-1045',
      name: 'Priya Ramdin',
      phone: '+31651122334',
      email: 'priya.ramdin@example.com',
      source: 'Eigen website',
      vehicle: 'Volkswagen ID.4 Pro 77 kWh (2023, 18.900 km)',
      createdAt: at(DAY),
      status: 'Afspraak',
      notes: 'Proefrit zaterdag 10:30.',
    },
    {
      id: 'L-1046',
      name: 'Willem van den Berg',
      phone: '+31302345678',
      email: 'w.vandenberg@example.com',
      source: 'Volkswagen.nl (importeur)',
      vehicle: 'Volkswagen Polo 1.0 TSI Style (nieuw, levertijd 8 weken)',
      createdAt: at(3 * DAY),
      status: 'In behandeling',
      notes: '',
    },
    {
      // Partial page on purpose: no phone number, no created time.
      id: 'L-1047',
      name: 'Fatma Yılmaz',
      phone: null,
      email: 'fatma.yilmaz@example.com',
      source: 'Marktplaats',
      vehicle: 'Audi A3 Sportback 35 TFSI S edition (2019, 74.000 km)',
      createdAt: null,
      status: 'Nieuw',
      notes: '',
    },
    {
      // Hostile name on purpose: every surface must show it as text.
      id: 'L-1048',
      name: '<img src=x onerror=alert(1)>',
      phone: '+31699887766',
      email: 'xss@example.com',
      source: 'AutoTrack',
      vehicle: 'Seat Leon Sportstourer 1.5 eTSI FR (2022, 27.000 km)',
      createdAt: at(5 * HOUR),
      status: 'Nieuw',
      notes: '',
    },
    {
      id: 'L-1049',
      name: 'Kees Jansen',
      phone: '+31645566778',
      email: 'kees.jansen@example.com',
      source: 'AutoScout24',
      vehicle: 'Volkswagen Passat Variant 1.4 TSI GTE (2019, 98.000 km)',
      createdAt: at(6 * DAY),
      status: 'Verkocht',
      notes: 'Afgeleverd, tevreden klant.',
    },
  ];
}

class HttpError extends Error {
  constructor(status, message, details) {
    super(message);
    this.status = status;
    this.details = details;
  }
}

function sendJson(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

async function readJson(req) {
  const type = String(req.headers['content-type'] ?? '');
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new HttpError(415, 'Content-Type must be application/json');
  }
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY) throw new HttpError(413, `Body larger than ${MAX_BODY} bytes`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'Body is not valid JSON');
  }
}

function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Accepts Dutch and international notations; stores E.164 like a real CRM would. */
export function normalisePhone(raw) {
  const compact = raw.replace(/[\s\-().]/g, '');
  let e164 = compact;
  if (compact.startsWith('00')) e164 = `+${compact.slice(2)}`;
  else if (compact.startsWith('0')) e164 = `+31${compact.slice(1)}`;
  return /^\+[1-9]\d{7,14}$/.test(e164) ? e164 : null;
}

function validateNewLead(body) {
  const errors = [];
  if (!isPlainObject(body)) throw new HttpError(400, 'Body must be a JSON object');
  const allowed = new Set(['name', 'phone', 'email', 'source', 'vehicle', 'createdAt', 'status']);
  for (const key of Object.keys(body)) {
    if (!allowed.has(key)) errors.push({ field: key, message: 'unknown field' });
  }
  const str = (field, { required, max }) => {
    const value = body[field];
    if (value === undefined || value === null) {
      if (required) errors.push({ field, message: 'is required' });
      return null;
    }
    if (typeof value !== 'string') {
      errors.push({ field, message: 'must be a string' });
      return null;
    }
    const trimmed = value.trim();
    if (trimmed.length === 0) {
      if (required) errors.push({ field, message: 'must not be empty' });
      return null;
    }
    if (trimmed.length > max) errors.push({ field, message: `must be at most ${max} characters` });
    return trimmed;
  };
  const name = str('name', { required: true, max: 200 });
  const source = str('source', { required: true, max: 100 });
  const vehicle = str('vehicle', { required: false, max: 200 });
  const phoneRaw = str('phone', { required: false, max: 40 });
  const email = str('email', { required: false, max: 200 });
  const status = str('status', { required: false, max: 40 });
  let phone = null;
  if (phoneRaw !== null) {
    phone = normalisePhone(phoneRaw);
    if (phone === null) errors.push({ field: 'phone', message: 'is not a phone number (e.g. 06 12345678 or +31612345678)' });
  }
  if (email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    errors.push({ field: 'email', message: 'is not an e-mail address' });
  }
  if (status !== null && !STATUSES.includes(status)) {
    errors.push({ field: 'status', message: `must be one of ${STATUSES.join(', ')}` });
  }
  // createdAt: omitted = now; null = the CRM does not show a created time (partial pages).
  let createdAt = new Date().toISOString();
  if (body.createdAt === null) createdAt = null;
  else if (body.createdAt !== undefined) {
    const t = typeof body.createdAt === 'string' ? Date.parse(body.createdAt) : NaN;
    if (!Number.isFinite(t)) errors.push({ field: 'createdAt', message: 'must be an ISO 8601 date-time or null' });
    else createdAt = new Date(t).toISOString();
  }
  if (errors.length > 0) throw new HttpError(400, 'Invalid lead', errors);
  return { name, phone, email, source, vehicle, createdAt, status: status ?? 'Nieuw', notes: '' };
}

function validatePatch(body) {
  if (!isPlainObject(body)) throw new HttpError(400, 'Body must be a JSON object');
  const errors = [];
  const patch = {};
  for (const key of Object.keys(body)) {
    if (key !== 'status' && key !== 'notes') errors.push({ field: key, message: 'unknown field' });
  }
  if (body.status !== undefined) {
    if (!STATUSES.includes(body.status)) errors.push({ field: 'status', message: `must be one of ${STATUSES.join(', ')}` });
    else patch.status = body.status;
  }
  if (body.notes !== undefined) {
    if (typeof body.notes !== 'string' || body.notes.length > 5000) {
      errors.push({ field: 'notes', message: 'must be a string of at most 5000 characters' });
    } else patch.notes = body.notes;
  }
  if (errors.length === 0 && Object.keys(patch).length === 0) {
    errors.push({ field: 'status', message: 'nothing to update: send status and/or notes' });
  }
  if (errors.length > 0) throw new HttpError(400, 'Invalid update', errors);
  return patch;
}

/** Starts the fake CRM on 127.0.0.1. `url` uses the *.localhost name the extension matches. */
export async function startCrmSite({ port = 0 } = {}) {
  let leads = seedLeads();
  let nextId = 1050;

  async function handleApi(req, res, path) {
    if (path === '/api/leads' && req.method === 'GET') return sendJson(res, 200, leads);
    if (path === '/api/leads' && req.method === 'POST') {
      const lead = { id: `L-${nextId}`, ...validateNewLead(await readJson(req)) };
      nextId += 1;
      leads = [lead, ...leads];
      return sendJson(res, 201, lead);
    }
    if (path === '/api/reset' && req.method === 'POST') {
      leads = seedLeads();
      nextId = 1050;
      return sendJson(res, 200, { ok: true, count: leads.length });
    }
    const m = /^\/api\/leads\/([^/]+)$/.exec(path);
    if (m) {
      const id = decodeURIComponent(m[1]);
      const index = leads.findIndex((lead) => lead.id === id);
      if (index === -1) throw new HttpError(404, `No lead ${id}`);
      if (req.method === 'GET') return sendJson(res, 200, leads[index]);
      if (req.method === 'PATCH') {
        const updated = { ...leads[index], ...validatePatch(await readJson(req)) };
        leads = leads.map((lead, i) => (i === index ? updated : lead));
        return sendJson(res, 200, updated);
      }
      throw new HttpError(405, `${req.method} not allowed on ${path}`);
    }
    throw new HttpError(404, `No API route ${req.method} ${path}`);
  }

  async function sendFile(res, name, method) {
    const body = await readFile(join(PUBLIC_DIR, name));
    res.writeHead(200, {
      'content-type': TYPES[extname(name)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(method === 'HEAD' ? undefined : body);
  }

  const server = createServer(async (req, res) => {
    try {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (path.startsWith('/api/')) return await handleApi(req, res, path);
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'Method not allowed');
      if (path === '/favicon.ico') {
        res.writeHead(204);
        return res.end();
      }
      const asset = /^\/([a-z0-9-]+\.(?:js|css|svg))$/.exec(path);
      if (asset) return await sendFile(res, asset[1], req.method);
      // Anything that looks like a file but is not one is a 404; every other path is the SPA.
      if (extname(path) !== '') throw new HttpError(404, `No file ${path}`);
      return await sendFile(res, 'index.html', req.method);
    } catch (error) {
      if (res.headersSent) return res.end();
      if (error instanceof HttpError) {
        return sendJson(res, error.status, { error: error.message, ...(error.details ? { details: error.details } : {}) });
      }
      if (error && error.code === 'ENOENT') return sendJson(res, 404, { error: 'Not found' });
      return sendJson(res, 500, { error: 'Internal error' });
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${HOST_NAME}:${actualPort}/`,
    port: actualPort,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 5173);
  const site = await startCrmSite({ port: Number.isFinite(port) ? port : 5173 });
  console.log(`AutoHuis Demo CRM: ${site.url}`);
  const stop = async () => {
    await site.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
