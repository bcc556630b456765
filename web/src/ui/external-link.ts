/**
 * Links to addresses that come from the data. Only http: and https: URLs become links
 * (the API refuses anything else, but a graph can hold older or hand-written values):
 * a javascript: or data: URL in an href would run script on the dashboard's origin.
 */
import { h } from './dom.js';

/** True when the value parses as an http: or https: URL. */
export function isWebUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** A link that opens without giving the page a handle or a referrer, or the value as plain text when it is not a web address. */
export function externalLink(value: string): HTMLElement | string {
  // The href is the normalised URL, so what the browser follows is what was checked.
  return isWebUrl(value) ? h('a', { href: new URL(value).href, rel: 'noopener noreferrer external' }, value) : value;
}
