/**
 * A search-as-you-type combobox (WAI-ARIA 1.2 combobox with a listbox popup): type a
 * few letters, pick an entity with the arrow keys and Enter, or with the mouse; Enter
 * alone takes the first suggestion (the best match: a name equal to the text comes
 * first). The chosen entity's id is what forms submit.
 */
import type { GraphqlClient } from '../api/graphql-client.js';
import type { EntityKind } from '../api/types.js';
import { h, replaceChildren, uniqueId } from './dom.js';
import { kindName } from './kinds.js';
import { type PickerSearchData, pickerSearchQuery } from '../operations/picker.js';

/** An entity the picker offers or holds. */
export interface PickedEntity {
  id: string;
  label: string;
  kind: EntityKind;
  /** What tells it from others of its name ("State", "Country"), when the search said. */
  detail?: string | null;
}

const HINT = 'Type at least 2 letters, then press Enter for the first suggestion or pick with the arrow keys.';

/** Options of entityPicker. */
export interface EntityPickerOptions {
  client: GraphqlClient;
  label: string;
  /** The `name` of the hidden input holding the id. */
  name: string;
  kinds?: readonly EntityKind[];
  initial?: PickedEntity | null;
  placeholder?: string;
  required?: boolean;
  onChange?: (entity: PickedEntity | null) => void;
}

/** A picker on screen. */
export interface EntityPicker {
  element: HTMLElement;
  input: HTMLInputElement;
  value(): PickedEntity | null;
  set(entity: PickedEntity | null): void;
}

function chosenText(entity: PickedEntity): string {
  return `Chosen: ${entity.label} (${kindName(entity.kind).toLowerCase()}${entity.detail ? `, ${entity.detail}` : ''})`;
}

/** Creates a picker. */
export function entityPicker(opts: EntityPickerOptions): EntityPicker {
  const inputId = uniqueId('picker');
  const listId = `${inputId}-list`;
  const hintId = `${inputId}-hint`;
  let chosen: PickedEntity | null = opts.initial ?? null;
  let options: PickedEntity[] = [];
  let active = -1;
  let timer: number | undefined;
  let controller: AbortController | undefined;
  /** The text the suggestions on screen answer. */
  let shownFor: string | null = null;
  /** Enter was pressed before the suggestions for the text came: take the first when they do. */
  let pickFirst = false;

  const hidden = h('input', { type: 'hidden', name: opts.name, value: chosen?.id ?? '' });
  const input = h('input', {
    id: inputId,
    type: 'text',
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    'aria-describedby': hintId,
    placeholder: opts.placeholder ?? 'Type to search',
    required: opts.required ?? false,
    value: chosen?.label ?? '',
  });
  const list = h('ul', { id: listId, role: 'listbox', class: 'picker-list', 'aria-label': `${opts.label}: suggestions`, hidden: true });
  const hint = h('span', { id: hintId, class: 'picker-hint muted' }, chosen ? chosenText(chosen) : HINT);
  const element = h('div', { class: 'picker' }, h('label', { for: inputId }, opts.label), input, hidden, list, hint);

  function setChosen(entity: PickedEntity | null): void {
    chosen = entity;
    hidden.value = entity?.id ?? '';
    input.value = entity?.label ?? input.value;
    input.setCustomValidity('');
    hint.textContent = entity ? chosenText(entity) : HINT;
    opts.onChange?.(entity);
  }

  function close(): void {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function highlight(index: number): void {
    active = index;
    [...list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === index)));
    const li = list.children[index];
    if (li) {
      input.setAttribute('aria-activedescendant', li.id);
      li.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  }

  function choose(index: number): void {
    const entity = options[index];
    if (!entity) return;
    input.value = entity.label;
    setChosen(entity);
    close();
  }

  function render(message?: string): void {
    replaceChildren(
      list,
      message
        ? h('li', { class: 'picker-message', role: 'option', 'aria-disabled': 'true', id: `${listId}-msg` }, message)
        : options.map((o, i) =>
            h(
              'li',
              { id: `${listId}-${i}`, role: 'option', 'aria-selected': 'false', 'data-id': o.id, onmousedown: (e: Event) => { e.preventDefault(); choose(i); } },
              h('span', { class: 'picker-label' }, o.label, o.detail ? h('span', { class: 'picker-detail muted' }, ` ${o.detail}`) : null),
              ' ',
              h('span', { class: 'badge kind-badge small' }, kindName(o.kind)),
            ),
          ),
    );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    active = -1;
  }

  async function suggest(text: string): Promise<void> {
    controller?.abort();
    controller = new AbortController();
    const signal = controller.signal;
    try {
      const data = await opts.client.request<PickerSearchData>(pickerSearchQuery, { text, kinds: opts.kinds ?? null }, { signal });
      options = data.search.edges.map((e) => ({ id: e.node.id, label: e.node.label, kind: e.kind, detail: e.detail }));
      shownFor = text;
      render(options.length === 0 ? `Nothing found for “${text}”` : undefined);
      if (pickFirst && input.value.trim() === text) {
        pickFirst = false;
        choose(0);
      }
    } catch (err) {
      if (signal.aborted) return;
      pickFirst = false;
      options = [];
      render(`Search failed: ${(err as Error).message}`);
    }
  }

  input.addEventListener('input', () => {
    if (chosen && input.value !== chosen.label) setChosen(null);
    window.clearTimeout(timer);
    pickFirst = false;
    shownFor = null;
    const text = input.value.trim();
    if (text.length < 2) {
      close();
      return;
    }
    timer = window.setTimeout(() => void suggest(text), 200);
  });
  input.addEventListener('keydown', (e) => {
    const open = !list.hidden && options.length > 0;
    if (e.key === 'ArrowDown' && open) {
      e.preventDefault();
      highlight((active + 1) % options.length);
    } else if (e.key === 'ArrowUp' && open) {
      e.preventDefault();
      highlight(active <= 0 ? options.length - 1 : active - 1);
    } else if (e.key === 'Enter' && open && active >= 0) {
      e.preventDefault();
      choose(active);
    } else if (e.key === 'Enter' && !chosen && input.value.trim().length >= 2) {
      // Nothing highlighted: take the best match, now or when the suggestions come.
      e.preventDefault();
      const text = input.value.trim();
      if (shownFor === text && options.length > 0) choose(0);
      else if (shownFor !== text) {
        pickFirst = true;
        window.clearTimeout(timer);
        void suggest(text);
      }
    } else if (e.key === 'Escape' && !list.hidden) {
      e.preventDefault();
      close();
    }
  });
  input.addEventListener('blur', () => close());

  return { element, input, value: () => chosen, set: (entity) => { input.value = entity?.label ?? ''; setChosen(entity); } };
}
