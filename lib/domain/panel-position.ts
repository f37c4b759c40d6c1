/**
 * Where the panel sits: an offset from the nearest horizontal and vertical edge of the viewport.
 * Kept relative to edges (not as left/top) so a panel parked at the bottom right stays there when
 * the window is resized, and grows away from its edge when it opens.
 */
export interface PanelPosition {
  h: 'left' | 'right';
  /** Pixels between the panel and the `h` edge. */
  x: number;
  v: 'top' | 'bottom';
  /** Pixels between the panel and the `v` edge. */
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export const DEFAULT_PANEL_POSITION: PanelPosition = { h: 'right', x: 16, v: 'bottom', y: 16 };

const clamp = (value: number, max: number) => Math.min(Math.max(0, value), Math.max(0, max));

/** The same position with the whole panel inside the viewport (never lost off-screen). */
export function clampPosition(position: PanelPosition, panel: Size, viewport: Size): PanelPosition {
  return {
    h: position.h,
    x: Math.round(clamp(position.x, viewport.width - panel.width)),
    v: position.v,
    y: Math.round(clamp(position.y, viewport.height - panel.height)),
  };
}

/** The panel's top-left corner for a position, in viewport pixels. */
export function topLeftOf(position: PanelPosition, panel: Size, viewport: Size): { left: number; top: number } {
  const p = clampPosition(position, panel, viewport);
  return {
    left: p.h === 'left' ? p.x : viewport.width - panel.width - p.x,
    top: p.v === 'top' ? p.y : viewport.height - panel.height - p.y,
  };
}

/** A dropped panel: anchored to the edges its centre is nearest to, clamped into the viewport. */
export function positionAt(left: number, top: number, panel: Size, viewport: Size): PanelPosition {
  const h = left + panel.width / 2 < viewport.width / 2 ? 'left' : 'right';
  const v = top + panel.height / 2 < viewport.height / 2 ? 'top' : 'bottom';
  return clampPosition(
    {
      h,
      x: h === 'left' ? left : viewport.width - panel.width - left,
      v,
      y: v === 'top' ? top : viewport.height - panel.height - top,
    },
    panel,
    viewport,
  );
}

const CORNERS: readonly PanelPosition[] = [
  { h: 'right', x: 16, v: 'bottom', y: 16 },
  { h: 'left', x: 16, v: 'bottom', y: 16 },
  { h: 'left', x: 16, v: 'top', y: 16 },
  { h: 'right', x: 16, v: 'top', y: 16 },
];

/** The corner after the one the panel is nearest to, clockwise from the bottom right. */
export function nextCorner(position: PanelPosition): PanelPosition {
  const index = CORNERS.findIndex((c) => c.h === position.h && c.v === position.v);
  return CORNERS[(index + 1) % CORNERS.length] ?? DEFAULT_PANEL_POSITION;
}
