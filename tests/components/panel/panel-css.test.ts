// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { PANEL_CSS } from '@/components/panel/panel-css';

/** The panel's stylesheet as the browser parses it: selector → declarations. */
function rules(): Map<string, CSSStyleDeclaration> {
  const style = document.createElement('style');
  style.textContent = PANEL_CSS;
  document.head.append(style);
  const out = new Map<string, CSSStyleDeclaration>();
  for (const rule of Array.from(style.sheet?.cssRules ?? [])) {
    if (rule instanceof CSSStyleRule) for (const selector of rule.selectorText.split(',')) out.set(selector.trim(), rule.style);
  }
  style.remove();
  return out;
}

describe('panel stylesheet', () => {
  // Each cadence dot shows its step's state; a broken selector once painted every dot alike.
  it.each([
    ['done', 'rgb(15, 122, 79)'],
    ['due', 'rgb(255, 224, 178)'],
    ['new', 'rgb(255, 224, 178)'],
    ['overdue', 'rgb(255, 205, 210)'],
  ])('colours the dot of a %s step', (status, background) => {
    const style = rules().get(`.lp-step-${status} .lp-dot`);
    expect(style?.getPropertyValue('background') || style?.getPropertyValue('background-color')).toBe(background);
  });

  it('gives a to-do dot no fill and no state rule', () => {
    const all = rules();
    expect(all.get('.lp-dot')?.getPropertyValue('background')).toBe('rgb(255, 255, 255)');
    expect([...all.keys()].filter((s) => s.includes('.lp-step-todo'))).toEqual([]);
    // Only one bare .lp-dot rule: the state rules are all scoped to their step.
    expect(PANEL_CSS.match(/^\.lp-dot \{/gm)).toHaveLength(1);
  });
});
