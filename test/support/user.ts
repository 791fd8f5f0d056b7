/** Acting as a person does in the element tests: real mouse clicks at an element's centre, real keys. */
import { sendKeys, sendMouse } from '@web/test-runner-commands';

/** A real click at the centre of the element's box (it must be visible and not covered). */
export async function click(target: Element): Promise<void> {
  const box = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

/** Presses a key, optionally with one modifier: `press('End')`, `press('Control+End')`. */
export async function press(key: string): Promise<void> {
  const [modifier, main] = key.includes('+') ? key.split('+') : [null, key];
  if (modifier) await sendKeys({ down: modifier });
  await sendKeys({ press: main! });
  if (modifier) await sendKeys({ up: modifier });
}

/** Types text into whatever has focus, key by key. */
export async function type(text: string): Promise<void> {
  await sendKeys({ type: text });
}
