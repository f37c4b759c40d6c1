import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ADAPTER_OVERRIDE_KIND, type AdapterOverride } from '@/lib/adapters/overrides/schema';
import { followActiveOverrides, setOverrideOff, teamOverridesItem } from '@/lib/storage/team-fixes-item';

// An open CRM tab follows the team's fixes: each change in storage (a sync, the rep's switch,
// another tab) hands it the fixes in force, so it reads the lead again without a reload.

const fix = (source: string): AdapterOverride => ({ kind: ADAPTER_OVERRIDE_KIND, version: 1, crm: 'demo', fields: { source: [source] } });
const stateWith = (version: number, override: AdapterOverride | null) => ({
  teamId: 'team-1',
  etag: `"ao-${version}"`,
  overrides: override ? [{ crm: 'demo', version, override, updatedAt: 1, updatedBy: 'Lotte' }] : [],
});

const sources = (active: ReadonlyMap<string, AdapterOverride>) => active.get('demo')?.fields.source ?? null;

describe('followActiveOverrides', () => {
  beforeEach(() => fakeBrowser.reset());

  it('hands over each published version, a withdrawal and the rep turning a fix off', async () => {
    const seen: (readonly string[] | null)[] = [];
    const stop = followActiveOverrides((active) => seen.push(sources(active)));

    await teamOverridesItem.setValue(stateWith(1, fix('.branch')));
    await vi.waitFor(() => expect(seen).toEqual([['.branch']]));
    await teamOverridesItem.setValue(stateWith(2, fix('.topbar-branch')));
    await vi.waitFor(() => expect(seen).toEqual([['.branch'], ['.topbar-branch']]));
    await setOverrideOff('demo', 2, true);
    await vi.waitFor(() => expect(seen).toEqual([['.branch'], ['.topbar-branch'], null]));
    await setOverrideOff('demo', 2, false);
    await teamOverridesItem.setValue(stateWith(3, null));
    await vi.waitFor(() => expect(seen.slice(3)).toEqual([['.topbar-branch'], null]));
    stop();
  });

  it('says nothing once stopped', async () => {
    const onChange = vi.fn();
    const stop = followActiveOverrides(onChange);
    stop();
    await teamOverridesItem.setValue(stateWith(1, fix('.branch')));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(onChange).not.toHaveBeenCalled();
  });
});
