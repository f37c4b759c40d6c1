// @vitest-environment jsdom
import { drivecentricAdapter } from '@/lib/crms/drivecentric/adapter';

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

describe('DriveCentric lead id comes from the card', () => {
  const url = new URL('https://app.drivecentric.com/#/salesHome?dealId=999999');
  const card = (inner: string, style = '') =>
    `<div data-test="customerCard-parent-div" style="${style}"><div class="deal-card"><div class="deal-customer"><span class="cust-name">X</span></div></div>${inner}</div>`;

  it('is null without an open card, whatever the URL says', () => {
    expect(drivecentricAdapter.leadId(url, parse('<main><span class="cust-name">Y</span></main>'))).toBeNull();
    expect(drivecentricAdapter.extract(parse(card('<a href="tel:+13035550101">x</a>', 'display:none')), url)).toBeNull();
  });

  it('follows the card when another customer is opened', () => {
    const first = parse(card('<a href="#/c?dealId=1001">d</a>'));
    const second = parse(card('<a href="#/c?dealId=1001">d</a>', 'display: none') + card('<a href="#/c?dealId=2002">d</a>'));
    expect(drivecentricAdapter.leadId(url, first)).toBe('1001');
    expect(drivecentricAdapter.leadId(url, second)).toBe('2002');
  });

  it('keys on phone, then e-mail, never on the name alone', () => {
    expect(drivecentricAdapter.leadId(url, parse(card('<a href="tel:+1 (720) 555-0148">c</a>')))).toBe('tel-7205550148');
    expect(drivecentricAdapter.leadId(url, parse(card('<div class="cnv-cnt-crd-blck">Ann@Example.com</div>')))).toBe('mail-ann@example.com');
    expect(drivecentricAdapter.leadId(url, parse(card('')))).toBeNull();
  });
});
