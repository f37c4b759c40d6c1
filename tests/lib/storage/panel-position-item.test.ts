import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { panelPositionsItem, parsePanelPositions, readPanelPositions, savePanelPosition } from '@/lib/storage/panel-position-item';

beforeEach(() => fakeBrowser.reset());

describe('panel positions per CRM', () => {
  it('remembers each CRM’s place separately', async () => {
    await savePanelPosition('demo', { h: 'left', x: 20, v: 'top', y: 30 });
    await savePanelPosition('hubspot', { h: 'right', x: 0, v: 'bottom', y: 200 });
    expect(await readPanelPositions()).toEqual({
      demo: { h: 'left', x: 20, v: 'top', y: 30 },
      hubspot: { h: 'right', x: 0, v: 'bottom', y: 200 },
    });
  });

  it('refuses to store a position that is not one', async () => {
    await expect(savePanelPosition('demo', { h: 'left', x: -5, v: 'top', y: 0 })).rejects.toThrow();
    await expect(savePanelPosition('Not A Crm!', { h: 'left', x: 5, v: 'top', y: 0 })).rejects.toThrow();
    expect(await readPanelPositions()).toEqual({});
  });

  it.each([
    { name: 'nothing stored', raw: undefined, want: {} },
    { name: 'not an object', raw: 'bottom right', want: {} },
    {
      name: 'one broken entry among good ones',
      raw: { demo: { h: 'left', x: 1, v: 'top', y: 2 }, pipedrive: { h: 'middle', x: 1, v: 'top', y: 2 } },
      want: { demo: { h: 'left', x: 1, v: 'top', y: 2 } },
    },
    { name: 'a non-finite offset', raw: { demo: { h: 'left', x: Number.POSITIVE_INFINITY, v: 'top', y: 2 } }, want: {} },
    { name: 'a bad CRM id', raw: { '../x': { h: 'left', x: 1, v: 'top', y: 2 } }, want: {} },
  ])('reads $name safely', async ({ raw, want }) => {
    expect(parsePanelPositions(raw)).toEqual(want);
    await panelPositionsItem.setValue(raw ?? null);
    expect(await readPanelPositions()).toEqual(want);
  });
});
