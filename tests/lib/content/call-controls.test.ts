// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { callControlOf, isCallAddress } from '@/lib/content/call-controls';

function el(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/** What the click on `target` reached, as a capture listener on the document sees it. */
function clickOn(target: Element, hooks: readonly string[] = []): Element | null {
  let hit: Element | null | undefined;
  const listener = (event: Event) => {
    hit = callControlOf(event, hooks);
  };
  document.addEventListener('click', listener, { capture: true });
  // A cancelled click: jsdom would otherwise try to follow the link.
  target.addEventListener('click', (event) => event.preventDefault(), { once: true });
  target.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
  document.removeEventListener('click', listener, { capture: true });
  if (hit === undefined) throw new Error('the click never reached the document');
  return hit;
}

afterEach(() => document.body.replaceChildren());

describe('callControlOf', () => {
  it.each(['tel:+31612345678', 'TEL:+31612345678', 'callto:+31612345678', 'sip:verkoop@garage.example', 'sips:verkoop@garage.example'])(
    'finds a %s link, also when the click lands on its icon',
    (href) => {
      const icon = el('span', { class: 'icon' }, '☎');
      const link = el('a', { href }, icon, ' 06 12 34 56 78');
      document.body.append(link);
      expect(clickOn(link)).toBe(link);
      expect(clickOn(icon)).toBe(link);
    },
  );

  it.each(['mailto:sanne@example.com', 'https://wa.me/31612345678', '/leads/L-1043'])('is not fooled by a %s link', (href) => {
    const link = el('a', { href }, 'link');
    document.body.append(link);
    expect(clickOn(link)).toBeNull();
  });

  it("finds the CRM's own click-to-call control by its adapter's hooks", () => {
    const label = el('span', {}, 'Bellen');
    const button = el('button', { type: 'button', 'data-test': 'call-button' }, label);
    const other = el('button', { type: 'button', 'data-test': 'email-button' }, 'Mail');
    document.body.append(button, other);
    const hooks = ['[data-test="call-button"]'];
    expect(clickOn(label, hooks)).toBe(button);
    expect(clickOn(other, hooks)).toBeNull();
  });

  it('keeps the other hooks and the call links when one hook is not a valid selector', () => {
    const button = el('button', { type: 'button', class: 'click-to-call' }, 'Bel');
    const link = el('a', { href: 'tel:+31612345678' }, 'Bel');
    document.body.append(button, link);
    const hooks = ['button[', '.click-to-call'];
    expect(clickOn(button, hooks)).toBe(button);
    expect(clickOn(link, hooks)).toBe(link);
  });

  it("finds a call link inside a CRM widget's open shadow root", () => {
    const host = el('span', { id: 'call-widget' });
    const link = el('a', { href: 'tel:+31612345678' }, 'Bel');
    host.attachShadow({ mode: 'open' }).append(link);
    document.body.append(host);
    expect(clickOn(link)).toBe(link);
  });
});

describe('isCallAddress', () => {
  it.each([
    ['tel:+31612345678', true],
    ['callto:+31612345678', true],
    ['sip:verkoop@garage.example', true],
    ['sips:verkoop@garage.example', true],
    ['mailto:sanne@example.com', false],
    ['sms:+31612345678', false],
    ['https://crm.example.com/call', false],
  ])('%s → %s', (url, expected) => {
    expect(isCallAddress(new URL(url))).toBe(expected);
  });
});
