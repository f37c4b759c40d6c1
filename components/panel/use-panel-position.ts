import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type PointerEvent } from 'react';
import { clampPosition, DEFAULT_PANEL_POSITION, nextCorner, positionAt, topLeftOf, type PanelPosition, type Size } from '@/lib/domain/panel-position';
import { readPanelPositions, savePanelPosition, watchPanelPositions, type PanelPositions } from '@/lib/storage/panel-position-item';
import { safely } from '@/lib/safely';

// Read once when the content script starts, so a panel mounted later lands where the rep left it
// in its first frame instead of jumping there a few milliseconds after.
let preloaded: PanelPositions | null = null;
export function preloadPanelPositions(): Promise<void> {
  return readPanelPositions()
    .then((positions) => {
      preloaded = positions;
    })
    .catch(() => undefined);
}

const viewportSize = (): Size => ({
  // The layout viewport without scrollbars: what `position: fixed` offsets are measured in.
  width: document.documentElement.clientWidth || window.innerWidth,
  height: document.documentElement.clientHeight || window.innerHeight,
});

function useViewport(): Size {
  const [size, setSize] = useState(viewportSize);
  useEffect(() => {
    const update = () => setSize(viewportSize());
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, []);
  return size;
}

function useBoxSize(element: HTMLElement | undefined): Size {
  const [size, setSize] = useState<Size>({ width: 0, height: 0 });
  useLayoutEffect(() => {
    if (!element) return;
    const measure = () => {
      const rect = element.getBoundingClientRect();
      setSize((previous) => (previous.width === rect.width && previous.height === rect.height ? previous : { width: rect.width, height: rect.height }));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return size;
}

const INTERACTIVE = 'button, select, input, textarea, a, summary, [role="button"]';
/** The grip is a button (click and keys move the panel without dragging) and a drag handle. */
const GRIP = '[data-testid="panel-move"]';
const NUDGE_PX = 24;
const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/** `:host` rules that put the panel at `position`; the shadow's own rules beat any page CSS. */
function hostCss(p: PanelPosition): string {
  const h = p.h === 'left' ? 'right' : 'left';
  const v = p.v === 'top' ? 'bottom' : 'top';
  return `:host { ${p.h}: ${p.x}px !important; ${h}: auto !important; ${p.v}: ${p.y}px !important; ${v}: auto !important; }`;
}

/**
 * The panel's place on screen for this CRM: remembered per CRM, clamped into the viewport on
 * every render (load, resize, opening), and moved by dragging the header.
 */
export function usePanelPosition(crm: string | undefined, host: HTMLElement | undefined) {
  const viewport = useViewport();
  const box = useBoxSize(host);
  const [stored, setStored] = useState<PanelPositions>(() => preloaded ?? {});
  const [dragged, setDragged] = useState<PanelPosition | null>(null);
  const drag = useRef<{ pointerId: number; dx: number; dy: number; x: number; y: number; onGrip: boolean } | null>(null);

  useEffect(() => {
    let alive = true;
    readPanelPositions()
      .then((positions) => alive && setStored(positions))
      .catch(() => undefined);
    let unwatch: (() => void) | undefined;
    try {
      unwatch = watchPanelPositions(setStored);
    } catch {
      // Storage gone (extension reloaded): the panel keeps the place it has.
    }
    return () => {
      alive = false;
      // After an extension update the storage API throws on every call, this one included.
      if (unwatch) safely(unwatch);
    };
  }, []);

  const position = clampPosition(dragged ?? (crm ? stored[crm] : undefined) ?? DEFAULT_PANEL_POSITION, box, viewport);

  const place = useCallback(
    (next: PanelPosition) => {
      if (!crm) return;
      setStored((previous) => ({ ...previous, [crm]: next }));
      void savePanelPosition(crm, next).catch(() => undefined);
    },
    [crm],
  );

  const onPointerDown = useCallback(
    (event: PointerEvent<HTMLElement>) => {
      if (event.button !== 0 || !host) return;
      const onGrip = event.target instanceof Element && event.target.closest(GRIP) !== null;
      if (!onGrip && event.target instanceof Element && event.target.closest(INTERACTIVE)) return;
      // No text selection on the page, no native drag: the header is a handle, not content.
      event.preventDefault();
      event.currentTarget.setPointerCapture(event.pointerId);
      const rect = host.getBoundingClientRect();
      drag.current = { pointerId: event.pointerId, dx: event.clientX - rect.left, dy: event.clientY - rect.top, x: event.clientX, y: event.clientY, onGrip };
    },
    [host],
  );

  const onPointerMove = useCallback(
    (event: PointerEvent<HTMLElement>) => {
      const current = drag.current;
      if (!current || current.pointerId !== event.pointerId) return;
      setDragged(positionAt(event.clientX - current.dx, event.clientY - current.dy, box, viewportSize()));
    },
    [box],
  );

  const endDrag = useCallback(
    (event: PointerEvent<HTMLElement>) => {
      const current = drag.current;
      if (!current || current.pointerId !== event.pointerId) return;
      drag.current = null;
      if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
      setDragged(null);
      const moved = Math.abs(event.clientX - current.x) + Math.abs(event.clientY - current.y) > 3;
      // A click on the grip without moving: the next corner (one click, no dragging needed).
      if (!moved) {
        if (current.onGrip && event.type === 'pointerup') place(nextCorner(position));
        return;
      }
      place(positionAt(event.clientX - current.dx, event.clientY - current.dy, box, viewportSize()));
    },
    [box, place, position],
  );

  const grip = {
    // Mouse clicks arrive as pointer events above; this is Enter or Space on the focused grip.
    onClick: (event: MouseEvent<HTMLElement>) => {
      if (event.detail === 0) place(nextCorner(position));
    },
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
      const arrow = ARROWS[event.key];
      if (!arrow) return;
      event.preventDefault();
      const step = event.shiftKey ? NUDGE_PX * 4 : NUDGE_PX;
      const now = viewportSize();
      const { left, top } = topLeftOf(position, box, now);
      place(positionAt(left + arrow[0] * step, top + arrow[1] * step, box, now));
    },
  };

  return {
    css: hostCss(position),
    handle: { onPointerDown, onPointerMove, onPointerUp: endDrag, onPointerCancel: endDrag },
    grip,
  };
}
