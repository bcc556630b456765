/**
 * Getting things out of the screen: downloads (CSV, SVG, PNG) through Blob URLs, the
 * clipboard, and a toolbar of such actions. Nothing here writes markup from strings or
 * evaluates code, so it keeps within a strict Content-Security-Policy.
 */
import { toCsv } from '../text/csv.js';
import { shareableHref } from '../app/display-language.js';
import { h } from './dom.js';

/** Saves a blob as a file with the given name (a temporary Blob URL and a download link). */
export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: filename, class: 'visually-hidden' });
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the click; the URL is not needed afterwards.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads rows as a CSV file. */
export function downloadCsv(filename: string, rows: readonly (readonly string[])[]): void {
  downloadBlob(filename, new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' }));
}

/** Serialises an SVG element into a standalone document (namespace and XML declaration). */
export function svgText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

/** Renders SVG text into a PNG at `scale` times its size (an image drawn on a canvas). */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.width = width;
    img.height = height;
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the drawing could not be rendered as an image'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no canvas to draw on');
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.scale(scale, scale);
    g.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no PNG'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Copies text to the clipboard; falls back to a selected hidden textarea where the Clipboard API is refused. */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    const area = h('textarea', { class: 'visually-hidden', readonly: true, 'aria-hidden': 'true' });
    area.value = text;
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    if (!ok) throw new Error('the clipboard is not available');
  }
}

/** One action of a toolbar: a button that runs it and says what happened. */
export interface ToolAction {
  label: string;
  /** Runs the action; the returned text is announced (e.g. "Link copied"). */
  run: () => Promise<string> | string;
  /** Data attribute for tests and styling. */
  name: string;
}

/** A toolbar of actions (export, copy link, cite), with a polite status beside it. */
export function toolbar(label: string, actions: readonly ToolAction[]): HTMLElement {
  const status = h('span', { class: 'toolbar-status muted', role: 'status' });
  return h(
    'div',
    { class: 'toolbar', role: 'toolbar', 'aria-label': label },
    actions.map((a) =>
      h(
        'button',
        {
          type: 'button',
          class: 'button small',
          'data-action': a.name,
          onclick: (async () => {
            try {
              status.textContent = await a.run();
            } catch (err) {
              status.textContent = `Could not ${a.label.toLowerCase()}: ${err instanceof Error ? err.message : String(err)}`;
            }
          }) as EventListener,
        },
        a.label,
      ),
    ),
    status,
  );
}

/** The "Copy link" action: the address of the view as it is now. */
export function copyLinkAction(): ToolAction {
  return { name: 'copy-link', label: 'Copy link', run: async () => (await copyText(shareableHref()), 'Link copied: it reopens this view as it is.') };
}

/** The "Copy id" action for an entity (the only place ids are offered as text). */
export function copyIdAction(id: string): ToolAction {
  return { name: 'copy-id', label: 'Copy id', run: async () => (await copyText(id), 'Id copied.') };
}

/** A file name from a view's words: "positions-2022-01-12.csv". */
export function fileName(...parts: string[]): string {
  return parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
