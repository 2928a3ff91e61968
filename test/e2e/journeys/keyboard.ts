import type { Locator, Page } from 'playwright-core';

// Driving the app without a mouse: every control is reached with Tab (or the arrow keys inside
// the task grid and in a select), and used with Enter, Space or typing, as a keyboard-only
// manager does. A control Tab never reaches fails the journey, naming it.

/** True when `target` holds the keyboard focus. */
export async function isFocused(target: Locator): Promise<boolean> {
  if ((await target.count()) === 0) return false;
  // Runs in the page (this project's types have no DOM, hence the cast).
  return target
    .first()
    .evaluate(
      (element) =>
        element ===
        (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement,
    );
}

/**
 * Presses Tab until `target` has the focus (at most `max` presses, wrapping round the page
 * once if needed); throws with `what` when it never does.
 */
export async function tabTo(page: Page, target: Locator, what: string, max = 250): Promise<void> {
  for (let pressed = 0; pressed < max; pressed += 1) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
  }
  if (await isFocused(target)) return;
  throw new Error(`Tab never reached ${what} (${max} presses).`);
}

/** Tabs to a button or link and presses Enter on it. */
export async function activate(page: Page, target: Locator, what: string): Promise<void> {
  await tabTo(page, target, what);
  await page.keyboard.press('Enter');
}

/** Tabs to a text field, selects what it holds and types `text` over it. */
export async function typeInto(
  page: Page,
  field: Locator,
  text: string,
  what: string,
): Promise<void> {
  await tabTo(page, field, what);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

/**
 * Tabs to a closed select and moves its choice with the arrow keys until it is `value` (as a
 * keyboard user does without opening the list).
 */
export async function chooseIn(
  page: Page,
  select: Locator,
  value: string,
  what: string,
): Promise<void> {
  await tabTo(page, select, what);
  const current = async () => (await select.inputValue()) === value;
  if (await current()) return;
  const values = await select
    .locator('option')
    .evaluateAll((options) =>
      options.map((option) => (option as unknown as { value: string }).value),
    );
  const wanted = values.indexOf(value);
  if (wanted < 0) throw new Error(`${what} has no choice ${value}.`);
  // Start from the top, then step down to the choice.
  await page.keyboard.press('Home');
  for (let step = 0; step < values.length && !(await current()); step += 1) {
    await page.keyboard.press('ArrowDown');
  }
  if (!(await current())) throw new Error(`The arrow keys never chose ${value} in ${what}.`);
}
