import { describe, expect, it } from 'vitest';
import { zonesOf, zonesOfCountry } from '../../../shared/compliance/recipient-zone';

const region = (zone: string, country: string) => ({ zones: [zone], source: 'region', country });

describe('zonesOf: NANP area codes', () => {
  it.each([
    ['+12125550123', 'America/New_York', 'US'], // 212 New York
    ['+13125550123', 'America/Chicago', 'US'], // 312 Chicago
    ['+16025550123', 'America/Phoenix', 'US'], // 602 Phoenix: Arizona keeps no DST
    ['+18085550123', 'Pacific/Honolulu', 'US'], // 808 Hawaii
    ['+19072505555', 'America/Juneau', 'US'], // 907 250: Alaska time
    ['+16045550123', 'America/Vancouver', 'CA'], // 604 British Columbia
    ['+14165550123', 'America/Toronto', 'CA'], // 416 Toronto
    ['+17092275555', 'America/St_Johns', 'CA'], // 709 227: Newfoundland, UTC−03:30
  ])('%s is in %s', (number, zone, country) => {
    expect(zonesOf(number)).toEqual(region(zone, country));
  });

  it('asks when an area code spans zones (907 outside the listed exchanges: Anchorage or Adak)', () => {
    expect(zonesOf('+19075551234')).toEqual({
      zones: ['America/Adak', 'America/Anchorage'],
      source: 'none',
      country: 'US',
    });
  });

  it('gives a single-zone NANP member its zone by country (876 Jamaica)', () => {
    expect(zonesOf('+18765551234')).toEqual({
      zones: ['America/Jamaica'],
      source: 'country',
      country: 'JM',
    });
  });

  it('asks with every US zone for a toll-free number', () => {
    const found = zonesOf('+18005550123');
    expect(found.source).toBe('none');
    expect(found.zones).toEqual(zonesOfCountry('US'));
    expect(found.zones).toContain('America/Phoenix');
  });
});

describe('zonesOf: other countries with several zones', () => {
  it.each([
    ['+61293744000', 'Australia/Sydney', 'AU'], // 02 Sydney
    ['+61892225555', 'Australia/Perth', 'AU'], // 08 9: Western Australia
    ['+61732215555', 'Australia/Brisbane', 'AU'], // 07 Brisbane: no DST
    ['+61883035555', 'Australia/Adelaide', 'AU'], // 08 8: South Australia
    ['+61889815555', 'Australia/Darwin', 'AU'], // 08 89: Northern Territory
    ['+551132345678', 'America/Sao_Paulo', 'BR'], // 11 São Paulo
    ['+5511912345678', 'America/Sao_Paulo', 'BR'], // a São Paulo mobile: DDD 11
    ['+556832345678', 'America/Rio_Branco', 'BR'], // 68 Acre
    ['+556532345678', 'America/Manaus', 'BR'], // 65 Mato Grosso (Amazon time)
    ['+74951234567', 'Europe/Moscow', 'RU'],
    ['+73832123456', 'Asia/Novosibirsk', 'RU'],
    ['+74232123456', 'Asia/Vladivostok', 'RU'],
    ['+525512345678', 'America/Mexico_City', 'MX'],
    ['+526641234567', 'America/Tijuana', 'MX'],
    ['+529981234567', 'America/Cancun', 'MX'],
    ['+62215551234', 'Asia/Jakarta', 'ID'],
    ['+623615551234', 'Asia/Makassar', 'ID'], // 0361 Bali
    ['+629675551234', 'Asia/Jayapura', 'ID'],
    ['+77172123456', 'Asia/Almaty', 'KZ'], // +7 7172 Astana is Kazakhstan, not Russia
    ['+97611123456', 'Asia/Ulaanbaatar', 'MN'],
    ['+34922123456', 'Atlantic/Canary', 'ES'],
    ['+351296123456', 'Atlantic/Azores', 'PT'],
  ])('%s is in %s', (number, zone, country) => {
    expect(zonesOf(number)).toEqual(region(zone, country));
  });

  it.each([
    ['+61412345678', 'AU', 'Australia/Perth'], // 04 mobiles name an operator, not a state
    ['+79161234567', 'RU', 'Asia/Vladivostok'],
    ['+628121234567', 'ID', 'Asia/Jayapura'],
    ['+34612345678', 'ES', 'Atlantic/Canary'],
  ])(
    'asks for a mobile where the plan gives no region (%s): every zone of %s',
    (number, country, zone) => {
      const found = zonesOf(number);
      expect(found.source).toBe('none');
      expect(found.country).toBe(country);
      expect(found.zones).toEqual(zonesOfCountry(country));
      expect(found.zones).toContain(zone);
    },
  );

  it('narrows the candidates where the plan names a few zones (Ecuador 05 2: mainland or Galápagos)', () => {
    expect(zonesOf('+59352123456')).toEqual({
      zones: ['America/Guayaquil', 'Pacific/Galapagos'],
      source: 'none',
      country: 'EC',
    });
  });
});

describe('zonesOf: single-zone countries and unknown numbers', () => {
  it.each([
    ['+8613812345678', 'Asia/Shanghai', 'CN'],
    ['+442071234567', 'Europe/London', 'GB'],
    ['+4930123456', 'Europe/Berlin', 'DE'],
  ])('%s is in %s by its country', (number, zone, country) => {
    expect(zonesOf(number)).toEqual({ zones: [zone], source: 'country', country });
  });

  it('gives no zone for a number without a country', () => {
    expect(zonesOf('not a number')).toEqual({ zones: [], source: 'none' });
    expect(zonesOf('+999123')).toEqual({ zones: [], source: 'none' });
  });
});
