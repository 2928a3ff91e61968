import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DIAL_FORMAT,
  dialStringOf,
} from '../../../../main/services/vendors/yccall/dialing';

// yccall.md §4.1: `phone` is the number the PBX dials, digits only; the documented example is
// the national mobile 18012345678, and a foreign number needs the trunk's international prefix.

describe('numbers in the form a Yccall server dials', () => {
  it('sends home-country numbers in national form: mobiles bare, landlines with the trunk 0', () => {
    expect(dialStringOf('+8618012345678', DEFAULT_DIAL_FORMAT)).toBe('18012345678');
    expect(dialStringOf('+862150001000', DEFAULT_DIAL_FORMAT)).toBe('02150001000');
    expect(dialStringOf('+861058001234', DEFAULT_DIAL_FORMAT)).toBe('01058001234');
  });

  it('sends other countries behind the international prefix, as the account sets it', () => {
    expect(dialStringOf('+442071838750', DEFAULT_DIAL_FORMAT)).toBe('00442071838750');
    expect(dialStringOf('+85291234567', DEFAULT_DIAL_FORMAT)).toBe('0085291234567');
    expect(dialStringOf('+8613800000000', { homeCountry: 'US', internationalPrefix: '011' })).toBe(
      '0118613800000000',
    );
  });

  it('follows the home country chosen on the account', () => {
    const uk = { homeCountry: 'GB', internationalPrefix: '00' };
    expect(dialStringOf('+447700900123', uk)).toBe('07700900123');
    expect(dialStringOf('+8618012345678', uk)).toBe('008618012345678');
  });

  it('gives digits only, whatever the number looked like', () => {
    for (const phone of ['+8618012345678', '+86 180-1234-5678', '+442071838750', '18012345678']) {
      expect(dialStringOf(phone, DEFAULT_DIAL_FORMAT)).toMatch(/^\d+$/);
    }
  });

  it('gives the same answer for the thousandth number of a prefix as for the first', () => {
    const first = dialStringOf('+862150001000', DEFAULT_DIAL_FORMAT);
    const later = dialStringOf('+862150009999', DEFAULT_DIAL_FORMAT);
    expect(first).toBe('02150001000');
    expect(later).toBe('02150009999');
  });
});
