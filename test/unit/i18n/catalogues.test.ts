import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/i18n/en';
import { zhCN } from '../../../renderer/i18n/zh-cn';
import { translator } from '../../../renderer/i18n/translate';

const placeholders = (text: string) =>
  [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('UI text', () => {
  it('has every English key in Chinese, none empty, with the same placeholders', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(zhCN[key].trim(), key).not.toBe('');
      expect(placeholders(zhCN[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('is really translated (Chinese text differs from English outside names)', () => {
    const same = (Object.keys(en) as (keyof typeof en)[]).filter((key) => en[key] === zhCN[key]);
    // Product and brand names stay as they are; everything else must be translated.
    const names =
      /^(app\.name|about\.(electron|chrome|node|v8)|language\.|accounts\.vendor\.(itniotech|onbuka)$)/;
    expect(same.filter((key) => !names.test(key))).toEqual([]);
  });

  it('fills placeholders', () => {
    expect(translator('en')('about.notRunning', { version: '45.4.1' })).toBe(
      '45.4.1 (not running)',
    );
    expect(translator('zh-CN')('about.notRunning', { version: '45.4.1' })).toBe('45.4.1（未运行）');
  });
});
