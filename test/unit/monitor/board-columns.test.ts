import { describe, expect, it } from 'vitest';
import { BOARD_COLUMNS } from '../../../shared/domain/board-ui';
import {
  BOARD_MIN_BESIDE_DETAIL_PX,
  columnsThatFit,
  DETAIL_MIN_PX,
  DROP_ORDER,
  detailWidth,
  gridTemplate,
  widthNeeded,
} from '../../../renderer/features/tasks/board-columns';

// The board's columns chosen by the width it has (measured, not the window's), and the width the
// task detail may take beside it.

describe('the board’s columns by its width', () => {
  it('shows every chosen column when they fit, or before the board is measured', () => {
    const all = [...BOARD_COLUMNS];
    expect(columnsThatFit(all, widthNeeded(all))).toEqual({ shown: all, hidden: [] });
    expect(columnsThatFit(all, 0)).toEqual({ shown: all, hidden: [] });
  });

  it('drops lower-priority columns first, keeps the chosen order, and says which went', () => {
    const all = [...BOARD_COLUMNS];
    const fitted = columnsThatFit(all, widthNeeded(all) - 1);
    expect(fitted.hidden).toEqual(['account']);
    expect(fitted.shown).toEqual(all.filter((column) => column !== 'account'));
    // Narrower: more go, always in the drop order, and what is shown fits.
    for (const width of [1100, 900, 700, 500]) {
      const narrow = columnsThatFit(all, width);
      expect(widthNeeded(narrow.shown)).toBeLessThanOrEqual(width);
      expect(narrow.hidden).toEqual(
        all.filter((column) => DROP_ORDER.slice(0, narrow.hidden.length).includes(column)),
      );
      expect(narrow.shown).toEqual(all.filter((column) => !narrow.hidden.includes(column)));
    }
  });

  it('never drops the name and the status, however narrow', () => {
    const fitted = columnsThatFit([...BOARD_COLUMNS], 100);
    expect(fitted.shown).toEqual(['name', 'status']);
  });

  it('gives the name the spare width and every other column its minimum', () => {
    expect(gridTemplate(['name', 'status', 'called'])).toBe('minmax(200px, 1fr) 104px 80px');
  });
});

describe('the task detail’s width beside the board', () => {
  it('keeps the wanted width between the panel’s minimum and what leaves the name and status', () => {
    const area = 1100;
    const most = area - BOARD_MIN_BESIDE_DETAIL_PX - 12;
    expect(detailWidth(460, area)).toBe(460);
    expect(detailWidth(10, area)).toBe(DETAIL_MIN_PX);
    expect(detailWidth(Number.MAX_SAFE_INTEGER, area)).toBe(most);
    // Left beside the widest detail: the name and the status columns.
    expect(columnsThatFit([...BOARD_COLUMNS], area - most - 12).shown).toEqual(['name', 'status']);
  });

  it('keeps the panel’s minimum in an area too small (or not measured yet)', () => {
    expect(detailWidth(460, 0)).toBe(DETAIL_MIN_PX);
    expect(detailWidth(800, 500)).toBe(DETAIL_MIN_PX);
  });
});
