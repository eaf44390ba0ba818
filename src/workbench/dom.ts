/** DOM helpers: elements are made with createElement and filled with textContent, never from HTML strings. */

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, content?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (content !== undefined) node.textContent = content;
  return node;
}

/**
 * A performance mark `workbench:<name>` (script, engine, ready, load:start, loaded:<sheet>; and
 * load:engine in the engine's worker, its own timeline): the browser test prints the first load's
 * time and where it went.
 */
export function mark(name: string): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(`workbench:${name}`);
}

const SVG = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number> = {}, content?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (content !== undefined) node.textContent = content;
  return node;
}

/** Excel column width (characters of the default font) → pixels: w × 7 + 5, as Excel counts. */
export function columnPixels(characters: number): number {
  return Math.round(characters * 7 + 5);
}
