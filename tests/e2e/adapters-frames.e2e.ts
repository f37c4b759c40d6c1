import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Frame, Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setupExtensionAndCrm } from './harness';

// eLead and VinSolutions show a lead in a document that the CRM's own shell loads frames deep
// (eLead: index.aspx → frameset → work area → opportunity iframe; VinSolutions: the /vinconnect/
// SPA → ActiveLeadsLayout.aspx → lead pane). A saved page that passes when opened on its own can
// still get no panel there, so these serve the saved page inside that nesting at the CRM's real
// origin and expect the panel in the innermost frame.

const env = setupExtensionAndCrm();
const FIXTURES = resolve('tests/fixtures/crm');

interface FrameCase {
  crm: string;
  /** The saved page (tests/fixtures/crm/<crm>/<page>.html) that the innermost frame shows. */
  page: string;
  /** What the tab opens: the CRM's shell. */
  top: string;
  /** Documents between the shell and the saved page, outermost first; `{{lead}}` is the saved page's URL. */
  documents: Array<{ url: string; html: string }>;
}

const ELEAD = 'https://www.eleadcrm.com/evo2/fresh/elead-v45/elead_track';
const VIN = 'https://vinsolutions.app.coxautoinc.com';

const CASES: FrameCase[] = [
  {
    crm: 'elead',
    page: 'oppty-details-desktop-frames',
    top: `${ELEAD}/index.aspx`,
    documents: [
      {
        url: `${ELEAD}/index.aspx`,
        html: `<!DOCTYPE html><html><head><title>eLEAD CRM</title></head>
<frameset rows="58,*" border="0"><frame name="topFrame" src="${ELEAD}/TopNav.aspx" scrolling="no"><frame name="mainFrame" src="${ELEAD}/WorkArea.aspx"></frameset></html>`,
      },
      { url: `${ELEAD}/TopNav.aspx`, html: '<!DOCTYPE html><html><body><a href="#">Desk Log</a> <a href="#">Search</a></body></html>' },
      {
        url: `${ELEAD}/WorkArea.aspx`,
        html: `<!DOCTYPE html><html><body><div id="deskLog">Desk Log</div>
<iframe id="ifrOpptyDetails" name="OpptyDetails" src="{{lead}}" style="width:100%;height:900px;border:0"></iframe></body></html>`,
      },
    ],
  },
  {
    crm: 'vinsolutions',
    page: 'connect-lead-frame-label-above',
    top: `${VIN}/vinconnect/#/CarDashboard/Pages/LeadManagement/ActiveLeadsLayout.aspx?SelectedTab=t_ILM`,
    documents: [
      {
        url: `${VIN}/vinconnect/`,
        html: `<!DOCTYPE html><html><head><title>VinSolutions Connect</title></head><body><div id="vinconnect-root">
<nav>Dealer Dashboard | Lead Management</nav>
<iframe id="cardashboardframe" src="${VIN}/CarDashboard/Pages/LeadManagement/ActiveLeadsLayout.aspx?SelectedTab=t_ILM" style="width:100%;height:1000px;border:0"></iframe></div></body></html>`,
      },
      {
        url: `${VIN}/CarDashboard/Pages/LeadManagement/ActiveLeadsLayout.aspx?SelectedTab=t_ILM`,
        html: `<!DOCTYPE html><html><body><table><tr>
<td><iframe id="leftpaneframe" src="${VIN}/CarDashboard/Pages/LeadManagement/LeadBucket.aspx" style="width:300px;height:900px"></iframe></td>
<td><iframe id="rightpaneframe" src="{{lead}}" style="width:900px;height:900px"></iframe></td></tr></table></body></html>`,
      },
      { url: `${VIN}/CarDashboard/Pages/LeadManagement/LeadBucket.aspx`, html: '<!DOCTYPE html><html><body><h3>New Leads (0)</h3></body></html>' },
    ],
  },
];

const withoutHash = (url: string) => url.split('#')[0] ?? url;

function savedPage(c: FrameCase): { url: string; html: string; leadId: string; name: string | undefined } {
  const dir = join(FIXTURES, c.crm);
  const expected = JSON.parse(readFileSync(join(dir, `${c.page}.expected.json`), 'utf8')) as {
    url: string;
    snapshot: { leadId: string; name?: string };
  };
  return { url: expected.url, html: readFileSync(join(dir, `${c.page}.html`), 'utf8'), leadId: expected.snapshot.leadId, name: expected.snapshot.name };
}

async function serve(page: Page, c: FrameCase, lead: { url: string; html: string }): Promise<void> {
  // The frame src attributes hold the URL inside HTML, where & is written &amp;.
  const src = lead.url.replace(/&/g, '&amp;');
  const documents = new Map<string, string>([
    ...c.documents.map((d) => [withoutHash(d.url), d.html.replaceAll('{{lead}}', src)] as [string, string]),
    [withoutHash(lead.url), lead.html],
  ]);
  await page.route('**/*', (route: Route) => {
    const body = documents.get(withoutHash(route.request().url()));
    if (body !== undefined) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
    return route.fulfill({ status: 404, contentType: 'text/plain', body: '' });
  });
}

async function panelFrame(page: Page): Promise<{ frame: Frame; leadId: string } | null> {
  for (const frame of page.frames()) {
    const host = frame.locator('leadpace-panel');
    if ((await host.count().catch(() => 0)) === 0) continue;
    const leadId = await host.first().getAttribute('data-lead-id').catch(() => null);
    if (leadId) return { frame, leadId };
  }
  return null;
}

describe('saved pages inside the CRM’s own frames', () => {
  for (const c of CASES) {
    it(`${c.crm}: ${c.page} gets a panel in its frame inside the CRM shell`, async () => {
      const lead = savedPage(c);
      const page = await env.browser.context.newPage();
      try {
        await serve(page, c, lead);
        await page.goto(c.top);
        await expect.poll(() => panelFrame(page).then((found) => found?.leadId ?? null), { timeout: 20_000 }).toBe(lead.leadId);
        const found = await panelFrame(page);
        // The panel belongs to the lead's own frame, not the shell around it.
        expect(found?.frame.url()).toBe(lead.url);
        expect(found?.frame.parentFrame()).not.toBeNull();
        const host = found?.frame.locator('leadpace-panel').first();
        expect(await host?.getAttribute('data-crm')).toBe(c.crm);
        if (lead.name) await expect.poll(() => host?.locator('[data-testid="lead-name"]').textContent()).toBe(lead.name);
        // Only one panel on the tab: the shell and the other frames stay clean.
        let panels = 0;
        for (const frame of page.frames()) panels += await frame.locator('leadpace-panel').count().catch(() => 0);
        expect(panels).toBe(1);
      } finally {
        await page.close();
      }
    });
  }
});
