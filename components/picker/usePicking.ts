import { useEffect, useState } from 'react';
import { elementAt } from '@/lib/picker/selectors';

export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

/** Where an element sits on screen, counting the offsets of the same-origin frames around it. */
function boxOf(el: Element): Box {
  const rect = el.getBoundingClientRect();
  let top = rect.top;
  let left = rect.left;
  let view = el.ownerDocument.defaultView;
  for (let depth = 0; view && depth < 10; depth += 1) {
    let frame: Element | null = null;
    try {
      frame = view.frameElement;
    } catch {
      frame = null;
    }
    if (!frame) break;
    const outer = frame.getBoundingClientRect();
    top += outer.top;
    left += outer.left;
    view = frame.ownerDocument.defaultView;
  }
  return { top, left, width: rect.width, height: rect.height };
}

const SWALLOWED = ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'dblclick', 'auxclick'] as const;

/**
 * While `active`, hovering highlights the element under the pointer (hit-tested beneath our own
 * overlay) and a click picks it; the click never reaches the CRM. Escape cancels.
 */
export function usePicking(
  doc: Document,
  active: boolean,
  isOwn: (el: Element) => boolean,
  onPick: (el: Element) => void,
  onCancel: () => void,
): Box | null {
  const [box, setBox] = useState<Box | null>(null);
  useEffect(() => {
    if (!active) return;
    const view = doc.defaultView;
    if (!view) return;
    // (dx, dy): where the frame an event happened in sits on the top page.
    const target = (event: MouseEvent, dx: number, dy: number) => elementAt(doc, event.clientX + dx, event.clientY + dy, isOwn);
    // Our overlay lives in the top document only; events from frames are never ours.
    const fromUs = (event: Event) => event.composedPath().some((node) => node instanceof Element && isOwn(node));
    const block = (event: Event) => {
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    const key = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      block(event);
      onCancel();
    };
    // Same-origin frames get their own events: listen there too.
    const views: { win: Window; dx: number; dy: number }[] = [{ win: view, dx: 0, dy: 0 }];
    for (const frame of Array.from(doc.querySelectorAll('iframe, frame'))) {
      try {
        const win = (frame as HTMLIFrameElement).contentWindow;
        if (win?.document) {
          const rect = frame.getBoundingClientRect();
          views.push({ win, dx: rect.left, dy: rect.top });
        }
      } catch {
        // cross-origin frame: its events stay with it
      }
    }
    const removers: (() => void)[] = [];
    for (const { win, dx, dy } of views) {
      const move = (event: MouseEvent) => {
        if (fromUs(event)) return;
        const el = target(event, dx, dy);
        setBox(el ? boxOf(el) : null);
      };
      const swallow = (event: Event) => {
        if (!fromUs(event)) block(event);
      };
      const click = (event: MouseEvent) => {
        if (fromUs(event)) return;
        block(event);
        const el = target(event, dx, dy);
        if (el) onPick(el);
      };
      win.addEventListener('mousemove', move, true);
      win.addEventListener('click', click, true);
      win.addEventListener('keydown', key, true);
      for (const type of SWALLOWED) win.addEventListener(type, swallow, true);
      removers.push(() => {
        win.removeEventListener('mousemove', move, true);
        win.removeEventListener('click', click, true);
        win.removeEventListener('keydown', key, true);
        for (const type of SWALLOWED) win.removeEventListener(type, swallow, true);
      });
    }
    return () => {
      for (const remove of removers) remove();
      setBox(null);
    };
  }, [doc, active, isOwn, onPick, onCancel]);
  return active ? box : null;
}
