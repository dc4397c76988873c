// Keyboard-only input for the browser tests: reach a control with Tab, then type, tick or choose,
// as someone without a mouse does.
import assert from 'node:assert/strict';

/** Press Tab until the focused element matches the selector. */
export async function tabTo(page, selector, max = 300) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${selector} cannot be reached with Tab`);
}

/** Tab into a radio group and choose a value with the arrow keys (Space for the first). */
export async function chooseRadio(page, name, value) {
  await tabTo(page, `input[name=${name}]`);
  for (let i = 0; i < 20; i++) {
    const state = await page.evaluate(() => ({ value: document.activeElement.value, checked: document.activeElement.checked }));
    if (state.value === value) {
      if (!state.checked) await page.keyboard.press('Space');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`no ${name}=${value} reached with the arrow keys`);
}

export async function tick(page, id) {
  await tabTo(page, `#${id}`);
  await page.keyboard.press('Space');
  assert.ok(await page.locator(`#${id}`).isChecked(), `${id} ticked`);
}

export async function typeInto(page, selector, text) {
  await tabTo(page, selector);
  await page.keyboard.type(text);
}

/** Choose an option of a closed <select> by typing its name, as keyboard users do. */
export async function selectByTyping(page, selector, label, value) {
  await tabTo(page, selector);
  await page.keyboard.type(label);
  assert.equal(await page.locator(selector).inputValue(), value, `${selector} set by typing "${label}"`);
}
