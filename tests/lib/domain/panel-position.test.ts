import { describe, expect, it } from 'vitest';
import { clampPosition, DEFAULT_PANEL_POSITION, nextCorner, positionAt, topLeftOf, type PanelPosition } from '@/lib/domain/panel-position';

const VIEWPORT = { width: 1366, height: 768 };
const PANEL = { width: 340, height: 240 };

describe('panel position', () => {
  it.each<{ name: string; left: number; top: number; want: PanelPosition }>([
    { name: 'dropped near the top left', left: 20, top: 30, want: { h: 'left', x: 20, v: 'top', y: 30 } },
    { name: 'dropped near the bottom right', left: 1000, top: 500, want: { h: 'right', x: 26, v: 'bottom', y: 28 } },
    { name: 'dropped top right', left: 1026, top: 0, want: { h: 'right', x: 0, v: 'top', y: 0 } },
    { name: 'dragged past the left edge', left: -200, top: 100, want: { h: 'left', x: 0, v: 'top', y: 100 } },
    { name: 'dragged past the bottom edge', left: 100, top: 900, want: { h: 'left', x: 100, v: 'bottom', y: 0 } },
    { name: 'dragged past the right edge', left: 1300, top: 300, want: { h: 'right', x: 0, v: 'bottom', y: 228 } },
  ])('$name', ({ left, top, want }) => {
    expect(positionAt(left, top, PANEL, VIEWPORT)).toEqual(want);
  });

  it.each<{ name: string; position: PanelPosition; viewport: { width: number; height: number }; want: PanelPosition }>([
    { name: 'fits: unchanged', position: { h: 'left', x: 40, v: 'top', y: 50 }, viewport: VIEWPORT, want: { h: 'left', x: 40, v: 'top', y: 50 } },
    {
      name: 'a smaller window pulls it back on screen',
      position: { h: 'left', x: 1000, v: 'top', y: 600 },
      viewport: { width: 1024, height: 600 },
      want: { h: 'left', x: 684, v: 'top', y: 360 },
    },
    {
      name: 'a window smaller than the panel pins it to its edges',
      position: { h: 'right', x: 50, v: 'bottom', y: 50 },
      viewport: { width: 300, height: 200 },
      want: { h: 'right', x: 0, v: 'bottom', y: 0 },
    },
    { name: 'fractions are rounded', position: { h: 'right', x: 10.6, v: 'bottom', y: 3.2 }, viewport: VIEWPORT, want: { h: 'right', x: 11, v: 'bottom', y: 3 } },
  ])('clamps: $name', ({ position, viewport, want }) => {
    expect(clampPosition(position, PANEL, viewport)).toEqual(want);
  });

  it('keeps its edge when the window grows: bottom right stays bottom right', () => {
    const small = topLeftOf(DEFAULT_PANEL_POSITION, PANEL, { width: 1024, height: 600 });
    const large = topLeftOf(DEFAULT_PANEL_POSITION, PANEL, { width: 1920, height: 1080 });
    expect(small).toEqual({ left: 1024 - 340 - 16, top: 600 - 240 - 16 });
    expect(large).toEqual({ left: 1920 - 340 - 16, top: 1080 - 240 - 16 });
  });

  it('round-trips: the position of a dropped panel puts it back where it was dropped', () => {
    const drops = [
      { left: 0, top: 0 },
      { left: 513, top: 211 },
      { left: 1026, top: 528 },
      { left: 700, top: 10 },
    ];
    for (const { left, top } of drops) {
      expect(topLeftOf(positionAt(left, top, PANEL, VIEWPORT), PANEL, VIEWPORT)).toEqual({ left, top });
    }
  });

  it.each<{ from: PanelPosition; want: Pick<PanelPosition, 'h' | 'v'> }>([
    { from: DEFAULT_PANEL_POSITION, want: { h: 'left', v: 'bottom' } },
    { from: { h: 'left', x: 300, v: 'bottom', y: 40 }, want: { h: 'left', v: 'top' } },
    { from: { h: 'left', x: 0, v: 'top', y: 0 }, want: { h: 'right', v: 'top' } },
    { from: { h: 'right', x: 90, v: 'top', y: 5 }, want: { h: 'right', v: 'bottom' } },
  ])('one click moves it to the next corner: $from.v $from.h → $want.v $want.h', ({ from, want }) => {
    expect(nextCorner(from)).toEqual({ ...want, x: 16, y: 16 });
  });
});
