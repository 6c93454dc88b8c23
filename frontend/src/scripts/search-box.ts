/**
 * The header's search box, enhanced: suggestions from /api/v2/search/autocomplete/ as the visitor
 * types, as an ARIA 1.2 combobox (an editable input with a listbox popup). Without this script the
 * box is a plain GET form to the search page, and stays one: Enter with no suggestion chosen submits it.
 *
 * The browser asks the API on PUBLIC_API_URL directly (the form's data-suggest): CORS is open on
 * /api/ and the visitor's own rate limit applies, not the portal server's (frontend/README.md).
 */
import { isLocale } from '../i18n/locales';
import { searchBoxStrings } from '../i18n/search-box';
import { moveActive, readSuggestions, suggestible, suggestUrl, type Suggestion } from '../search/combobox';

const DEBOUNCE_MS = 150;

function enhance(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  const field = input?.parentElement;
  const endpoint = form.dataset.suggest;
  const locale = form.dataset.locale;
  if (!input || !field || !endpoint || !isLocale(locale)) return;
  const text = searchBoxStrings(locale);
  const kinds: Record<string, string> = { practice: text.practice, event: text.event, partner: text.partner };

  const listbox = document.createElement('ul');
  listbox.id = `${input.id}-suggestions`;
  listbox.className = 'suggestions';
  listbox.setAttribute('role', 'listbox');
  listbox.setAttribute('aria-label', text.suggestions);
  listbox.hidden = true;
  const status = document.createElement('div');
  status.className = 'suggestions-status';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  field.append(listbox, status);

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listbox.id);
  input.autocomplete = 'off';

  let suggestions: Suggestion[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: AbortController | undefined;

  const isOpen = () => !listbox.hidden;

  function select(index: number): void {
    active = index;
    listbox.querySelectorAll('[role="option"]').forEach((option, at) => option.setAttribute('aria-selected', String(at === index)));
    const option = index >= 0 ? document.getElementById(`${listbox.id}-${index}`) : null;
    if (option) {
      input!.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else {
      input!.removeAttribute('aria-activedescendant');
    }
  }

  function show(open: boolean): void {
    listbox.hidden = !open;
    input!.setAttribute('aria-expanded', String(open));
    if (!open) select(-1);
  }

  function go(suggestion: Suggestion): void {
    show(false);
    window.location.assign(suggestion.path);
  }

  function render(): void {
    listbox.replaceChildren(
      ...suggestions.map((suggestion, index) => {
        const option = document.createElement('li');
        option.id = `${listbox.id}-${index}`;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        const title = document.createElement('span');
        title.textContent = suggestion.title;
        option.append(title);
        if (kinds[suggestion.type]) {
          const kind = document.createElement('span');
          kind.className = 'kind';
          kind.textContent = ` ${kinds[suggestion.type]}`;
          option.append(kind);
        }
        // Keep the focus in the input (the combobox), and follow the suggestion on click.
        option.addEventListener('mousedown', (event) => event.preventDefault());
        option.addEventListener('click', () => go(suggestion));
        return option;
      }),
    );
    active = -1;
  }

  function announce(message: string): void {
    status.textContent = message;
  }

  /** Forgets the suggestions and cancels whatever is still on its way. */
  function reset(): void {
    clearTimeout(timer);
    pending?.abort();
    pending = undefined;
    suggestions = [];
    listbox.replaceChildren();
    show(false);
  }

  async function suggest(query: string): Promise<void> {
    const request = new AbortController();
    pending = request;
    try {
      const response = await fetch(suggestUrl(endpoint!, query, locale!), { signal: request.signal });
      const found = response.ok ? readSuggestions(await response.json()) : [];
      // A newer keystroke has asked since: this answer is stale, whatever order the network returned them in.
      if (request !== pending) return;
      suggestions = found;
      render();
      show(found.length > 0);
      announce(found.length ? `${text.count(found.length)}. ${text.keys}` : text.count(0));
    } catch {
      if (request === pending) show(false);
    }
  }

  input.addEventListener('input', () => {
    reset();
    if (!suggestible(input.value)) {
      announce('');
      return;
    }
    const query = input.value;
    timer = setTimeout(() => void suggest(query), DEBOUNCE_MS);
  });

  input.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (!suggestions.length) return;
        event.preventDefault();
        if (!isOpen()) show(true);
        select(moveActive(active, suggestions.length, event.key === 'ArrowDown' ? 'next' : 'previous'));
        return;
      }
      case 'Enter': {
        const chosen = isOpen() ? suggestions[active] : undefined;
        if (chosen) {
          event.preventDefault();
          go(chosen);
        }
        return; // otherwise the form is sent: the search page for what was typed
      }
      case 'Escape': {
        // Escape closes the suggestions; pressed again, it empties the box (Chromium's own clearing of a
        // search field would do both at once).
        event.preventDefault();
        if (isOpen()) {
          show(false);
        } else if (input.value) {
          input.value = '';
          reset();
          announce('');
        }
        return;
      }
      case 'Tab':
        show(false);
        return;
      default:
    }
  });

  form.addEventListener('focusout', (event) => {
    if (!(event.relatedTarget instanceof Node && form.contains(event.relatedTarget))) show(false);
  });
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-search-box]')) enhance(form);
