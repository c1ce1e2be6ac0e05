import type { Page } from 'playwright-core';

export interface PixelCensus {
  total: number;
  distinctColours: number;
  /** Pixels within a small distance of each asked colour, by the colour asked. */
  near: Record<string, number>;
  /** Pixels each asked rule holds for, by the rule's name. */
  matching: Record<string, number>;
}

/**
 * A test of one pixel's red, green and blue (0–255), for a kind of colour rather than one colour
 * (a hue drawn lighter or darker over the land). It runs in the page, so it may use nothing but
 * its arguments.
 */
export type PixelRule = (r: number, g: number, b: number) => boolean;

/**
 * Counts the colours of a screenshot. The PNG is decoded by the browser itself (a data: URL,
 * never a request), so the test needs no image library.
 */
export async function censusOf(page: Page, png: Buffer, colours: readonly string[], rules: Record<string, PixelRule> = {}): Promise<PixelCensus> {
  const ruleSource = Object.entries(rules)
    .map(([name, rule]) => `[${JSON.stringify(name)}, (${rule.toString()})]`)
    .join(', ');
  const script = `(async () => {
    const image = new Image();
    image.src = 'data:image/png;base64,${png.toString('base64')}';
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    const wanted = ${JSON.stringify(colours)}.map((hex) => [hex, parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)]);
    const near = Object.fromEntries(wanted.map(([hex]) => [hex, 0]));
    const rules = [${ruleSource}];
    const matching = Object.fromEntries(rules.map(([name]) => [name, 0]));
    const distinct = new Set();
    for (let i = 0; i < pixels.length; i += 4) {
      const r = pixels[i], g = pixels[i + 1], b = pixels[i + 2];
      distinct.add((r >> 3) * 1024 + (g >> 3) * 32 + (b >> 3));
      for (const [hex, wr, wg, wb] of wanted) {
        if (Math.abs(r - wr) + Math.abs(g - wg) + Math.abs(b - wb) < 40) near[hex] += 1;
      }
      for (const [name, rule] of rules) if (rule(r, g, b)) matching[name] += 1;
    }
    return { total: pixels.length / 4, distinctColours: distinct.size, near, matching };
  })()`;
  return (await page.evaluate(script)) as PixelCensus;
}
