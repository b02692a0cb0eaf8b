/**
 * Normalised SVG for golden-file tests (after Observable Plot's): numbers rounded to two
 * decimals, one element per line, so that a change to a chart shows as a short, readable diff
 * and not as noise in the last digits.
 */
export function normaliseSvg(svg: string): string {
  return `${svg
    .replace(/-?\d+\.\d+(e-?\d+)?/g, (x) => {
      const r = Number(Number(x).toFixed(2));
      return Object.is(r, -0) ? "0" : String(r);
    })
    .replace(/>\s*</g, ">\n<")
    .trim()}\n`;
}
