import { useEffect, useRef, type ReactNode } from 'react';

export interface OrderedListLabels {
  /** Accessible names of the per-item buttons; an action without a label is not offered. */
  moveUp?: (n: number) => string;
  moveDown?: (n: number) => string;
  remove: (n: number) => string;
  add: string;
}

type Move = 'up' | 'down';

/** `items` with the item at `index` moved one place; unchanged at either end. */
export function moved<T>(items: readonly T[], index: number, direction: Move): T[] {
  const target = direction === 'up' ? index - 1 : index + 1;
  const next = [...items];
  const [item] = next.splice(index, 1);
  if (item === undefined || target < 0 || target >= items.length) return [...items];
  next.splice(target, 0, item);
  return next;
}

/**
 * An ordered list the user edits in place: each item with move and remove buttons, an add
 * button below. After a move the focus follows the item, so a keyboard user can press the
 * same button again to keep moving it.
 */
export function OrderedListEditor<T>({
  items,
  onChange,
  newItem,
  renderItem,
  labels,
  itemTestId,
  canAdd = true,
  footer,
}: {
  items: readonly T[];
  onChange: (items: T[]) => void;
  newItem: () => T;
  renderItem: (item: T, index: number) => ReactNode;
  labels: OrderedListLabels;
  itemTestId: string;
  canAdd?: boolean;
  /** Shown between the list and the add button (a list-wide error). */
  footer?: ReactNode;
}) {
  const listRef = useRef<HTMLOListElement>(null);
  // Where the focus goes once the moved item has rendered in its new place.
  const pendingFocus = useRef<{ index: number; direction: Move } | null>(null);

  useEffect(() => {
    const focus = pendingFocus.current;
    if (!focus) return;
    pendingFocus.current = null;
    const item = listRef.current?.children.item(focus.index);
    const preferred = item?.querySelector<HTMLButtonElement>(`[data-move="${focus.direction}"]:not(:disabled)`);
    // At the end of the list the pressed button is disabled; its neighbour keeps the focus nearby.
    (preferred ?? item?.querySelector<HTMLButtonElement>('[data-move]:not(:disabled)'))?.focus();
  });

  const move = (index: number, direction: Move) => {
    pendingFocus.current = { index: direction === 'up' ? index - 1 : index + 1, direction };
    onChange(moved(items, index, direction));
  };

  return (
    <>
      <ol className="op-ordered" ref={listRef}>
        {items.map((item, index) => {
          const n = index + 1;
          return (
            <li key={index} data-testid={itemTestId} className="op-ordered-item">
              {renderItem(item, index)}
              <div className="op-item-actions">
                {labels.moveUp ? (
                  <button type="button" className="op-secondary" data-move="up" disabled={index === 0} aria-label={labels.moveUp(n)} onClick={() => move(index, 'up')}>
                    ↑
                  </button>
                ) : null}
                {labels.moveDown ? (
                  <button
                    type="button"
                    className="op-secondary"
                    data-move="down"
                    disabled={index === items.length - 1}
                    aria-label={labels.moveDown(n)}
                    onClick={() => move(index, 'down')}
                  >
                    ↓
                  </button>
                ) : null}
                <button type="button" className="op-secondary" aria-label={labels.remove(n)} onClick={() => onChange(items.filter((_, i) => i !== index))}>
                  ×
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      {footer}
      <div>
        <button type="button" className="op-secondary" disabled={!canAdd} onClick={() => onChange([...items, newItem()])}>
          {labels.add}
        </button>
      </div>
    </>
  );
}
