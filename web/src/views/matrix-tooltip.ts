/** The positions matrix's one floating tooltip: a cell's reasoning beside it on hover and focus. */

/** One floating tooltip for the whole table, shown beside the hovered or focused cell. */
export function wireTooltip(table: HTMLTableElement, tooltip: HTMLElement): void {
  let anchor: HTMLElement | null = null;
  const place = (td: HTMLElement): void => {
    const rect = td.getBoundingClientRect();
    const tip = tooltip.getBoundingClientRect();
    const below = rect.bottom + 6 + tip.height < window.innerHeight;
    const top = below ? rect.bottom + 6 : Math.max(6, rect.top - tip.height - 6);
    const left = Math.min(Math.max(6, rect.left), window.innerWidth - tip.width - 6);
    tooltip.style.top = `${top}px`;
    tooltip.style.left = `${left}px`;
  };
  const show = (td: HTMLElement): void => {
    const text = td.querySelector('[data-tip]')?.textContent;
    if (!text) return;
    anchor = td;
    tooltip.textContent = text;
    tooltip.hidden = false;
    place(td);
  };
  const hide = (td?: HTMLElement): void => {
    if (td && td !== anchor) return;
    anchor = null;
    tooltip.hidden = true;
  };
  table.addEventListener('focusin', (e) => {
    const td = (e.target as HTMLElement).closest<HTMLElement>('td');
    if (td) show(td);
    else hide();
  });
  table.addEventListener('focusout', () => hide());
  table.addEventListener('mouseover', (e) => {
    const td = (e.target as HTMLElement).closest<HTMLElement>('td');
    if (td) show(td);
  });
  table.addEventListener('mouseout', (e) => {
    const td = (e.target as HTMLElement).closest<HTMLElement>('td');
    if (td && !td.contains(e.relatedTarget as Node | null)) hide(td);
  });
  table.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') hide();
  });
  // The tooltip is fixed to the viewport: follow the cell when the page or the table scrolls.
  const onScroll = (): void => {
    if (!table.isConnected) window.removeEventListener('scroll', onScroll, true);
    else if (anchor) place(anchor);
  };
  window.addEventListener('scroll', onScroll, { passive: true, capture: true });
}
