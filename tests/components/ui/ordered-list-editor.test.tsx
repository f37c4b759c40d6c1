// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { moved, OrderedListEditor, type OrderedListLabels } from '@/components/ui/OrderedListEditor';

afterEach(() => {
  cleanup();
});

describe('moved', () => {
  it.each([
    { items: ['a', 'b', 'c'], index: 1, direction: 'up' as const, expected: ['b', 'a', 'c'] },
    { items: ['a', 'b', 'c'], index: 1, direction: 'down' as const, expected: ['a', 'c', 'b'] },
    { items: ['a', 'b', 'c'], index: 0, direction: 'up' as const, expected: ['a', 'b', 'c'] },
    { items: ['a', 'b', 'c'], index: 2, direction: 'down' as const, expected: ['a', 'b', 'c'] },
    { items: ['a'], index: 0, direction: 'down' as const, expected: ['a'] },
  ])('$items with $index moved $direction → $expected', ({ items, index, direction, expected }) => {
    expect(moved(items, index, direction)).toEqual(expected);
  });
});

const LABELS: OrderedListLabels = {
  moveUp: (n) => `Up ${n}`,
  moveDown: (n) => `Down ${n}`,
  remove: (n) => `Remove ${n}`,
  add: 'Add',
};

function Harness({ labels = LABELS, start = ['one', 'two', 'three'] }: { labels?: OrderedListLabels; start?: string[] }) {
  const [items, setItems] = useState(start);
  return (
    <OrderedListEditor
      items={items}
      onChange={setItems}
      newItem={() => `new ${items.length + 1}`}
      itemTestId="item"
      labels={labels}
      renderItem={(item) => <span data-testid="text">{item}</span>}
    />
  );
}

const texts = () => screen.getAllByTestId('text').map((el) => el.textContent);

describe('OrderedListEditor', () => {
  it('adds, removes and moves items', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(texts()).toEqual(['one', 'two', 'three', 'new 4']);
    await user.click(screen.getByRole('button', { name: 'Remove 2' }));
    expect(texts()).toEqual(['one', 'three', 'new 4']);
    await user.click(screen.getByRole('button', { name: 'Down 1' }));
    expect(texts()).toEqual(['three', 'one', 'new 4']);
    await user.click(screen.getByRole('button', { name: 'Up 3' }));
    expect(texts()).toEqual(['three', 'new 4', 'one']);
  });

  it('cannot move the first item up or the last one down', () => {
    render(<Harness />);
    expect(screen.getByRole('button', { name: 'Up 1' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Down 3' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Up 2' })).toHaveProperty('disabled', false);
  });

  it('keeps the focus on the moved item, so the keyboard can move it again', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    screen.getByRole('button', { name: 'Up 3' }).focus();
    await user.keyboard('{Enter}');
    expect(texts()).toEqual(['one', 'three', 'two']);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Up 2' }));
    await user.keyboard('{Enter}');
    expect(texts()).toEqual(['three', 'one', 'two']);
    // Now first: its up button is disabled, so the focus goes to its down button.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Down 1' }));
  });

  it('offers no move buttons when they have no label', () => {
    render(<Harness labels={{ remove: LABELS.remove, add: 'Add' }} />);
    expect(screen.queryByRole('button', { name: /Up|Down/ })).toBeNull();
    expect(screen.getAllByRole('button', { name: /Remove/ })).toHaveLength(3);
  });
});
