/*
 * Timeline: filters and free-text search for the chronology (index.html).
 *
 * The page is complete without this script (every event is listed; people,
 * places, documents and tags have pages of their own). The script shows the
 * form #filters, hides the events that do not match and any month or year
 * left empty, writes the count to #filter-status, and keeps the state in the
 * query string (?q=…&person=…&place=…&document=…&tag=…&status=…), so a
 * filtered view can be bookmarked and Back works.
 *
 * Free text looks in each event's `text` from search.json (the form's
 * data-index). Where that cannot be fetched (a page opened from the disk) it
 * looks in the event's words on the page instead. The form's data-search
 * says which: "page" at first, "index" once search.json is loaded.
 */
(function () {
  'use strict';

  const form = document.getElementById('filters');
  if (!form || !window.URLSearchParams || !window.history || !history.pushState) return;
  const statusLine = document.getElementById('filter-status');
  const textField = form.elements.namedItem('q');

  // The selects, each with the data-* attribute of an event it tests.
  const SELECTS = [
    { name: 'person', attribute: 'people' },
    { name: 'place', attribute: 'place' },
    { name: 'document', attribute: 'documents' },
    { name: 'tag', attribute: 'tags' },
    { name: 'status', attribute: 'status' },
  ].filter((field) => form.elements.namedItem(field.name) instanceof HTMLSelectElement);
  const NAMES = ['q'].concat(SELECTS.map((field) => field.name));
  const TYPING_DELAY = 200; // ms of quiet before typed words are applied

  // Folds text for comparison: lower case, accents removed (é → e),
  // typographic quotes and apostrophes made plain, as the build compares quotes.
  function fold(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      .replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"')
      .toLowerCase();
  }

  const words = (value) => (value || '').split(/\s+/).filter(Boolean);

  // One record per event on the page: its element, the sets of slugs it names
  // (from data-*), and the folded text free search looks in.
  const events = Array.from(document.querySelectorAll('li.event')).map((li) => {
    const record = { li: li, slug: li.id.replace(/^event-/, ''), facets: {}, text: li.textContent };
    SELECTS.forEach((field) => {
      const value = li.getAttribute('data-' + field.attribute) || '';
      record.facets[field.attribute] = new Set(words(value));
      record.text += ' ' + value;
    });
    record.text = fold(record.text);
    return record;
  });
  const sections = Array.from(document.querySelectorAll('section.month, section.year'));

  // The state shown: one value per field, '' meaning "any".
  function formState() {
    const state = { q: textField ? textField.value.trim() : '' };
    SELECTS.forEach((field) => { state[field.name] = form.elements.namedItem(field.name).value; });
    return state;
  }

  // The state in the URL. A select's value the select does not offer (an old
  // link, a typo) is ignored: that field then means "any".
  function urlState() {
    const params = new URLSearchParams(location.search);
    const state = { q: (params.get('q') || '').trim() };
    SELECTS.forEach((field) => {
      const value = params.get(field.name) || '';
      const select = form.elements.namedItem(field.name);
      const offered = Array.from(select.options).some((option) => option.value === value);
      state[field.name] = offered ? value : '';
    });
    return state;
  }

  function fillForm(state) {
    if (textField) textField.value = state.q;
    SELECTS.forEach((field) => { form.elements.namedItem(field.name).value = state[field.name]; });
  }

  // The page's address for a state: same path and fragment, one parameter per
  // field that is set.
  function urlFor(state) {
    const params = new URLSearchParams();
    NAMES.forEach((name) => { if (state[name]) params.set(name, state[name]); });
    const query = params.toString();
    return location.pathname + (query ? '?' + query : '') + location.hash;
  }

  // Records the state in the history: 'push' adds an entry, 'replace' changes
  // the current one. Nothing happens when the address would not change.
  function remember(state, how) {
    const url = urlFor(state);
    if (url === location.pathname + location.search + location.hash) return;
    try {
      if (how === 'push') history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    } catch (error) { /* refused (some browsers, file://): the filter works, the URL stays */ }
  }

  function matches(record, state, queryWords) {
    const facetsMatch = SELECTS.every((field) =>
      !state[field.name] || record.facets[field.attribute].has(state[field.name]));
    return facetsMatch && queryWords.every((word) => record.text.includes(word));
  }

  // Shows the events that match, hides the rest and the months and years left
  // empty, and says how many match.
  function apply(state) {
    const queryWords = words(fold(state.q));
    let shown = 0;
    events.forEach((record) => {
      const visible = matches(record, state, queryWords);
      record.li.hidden = !visible;
      if (visible) shown += 1;
    });
    sections.forEach((section) => {
      section.hidden = !section.querySelector('li.event:not([hidden])');
    });
    // The axis keeps its shape; marks of events filtered out fade.
    document.querySelectorAll('.axis a[data-event]').forEach((mark) => {
      const li = document.getElementById('event-' + mark.getAttribute('data-event'));
      mark.classList.toggle('mark-filtered-out', Boolean(li && li.hidden));
    });
    if (!statusLine) return;
    const total = events.length;
    statusLine.textContent = !NAMES.some((name) => state[name])
      ? (total === 1 ? 'Showing 1 event.' : 'Showing all ' + total + ' events.')
      : shown + ' of ' + total + (total === 1 ? ' event ' : ' events ') + (shown === 1 ? 'matches.' : 'match.');
  }

  // Applies the state given (or what the form shows) and, if asked, records
  // it in the history ('push' or 'replace').
  let typingTimer = 0;
  function update(how, state = formState()) {
    clearTimeout(typingTimer);
    typingTimer = 0;
    apply(state);
    if (how) remember(state, how);
  }

  // Typing waits for a pause, then replaces the current history entry, so
  // that Back is not one step per letter.
  if (textField) textField.addEventListener('input', () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => update('replace'), TYPING_DELAY);
  });

  // A select applies at once and adds a history entry.
  form.addEventListener('change', (event) => {
    if (event.target instanceof HTMLSelectElement) update('push');
  });

  // Enter in the text box applies at once instead of submitting the form.
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update('replace');
  });

  // "Clear filters" empties every field, shows everything and adds the bare
  // address to the history.
  form.addEventListener('reset', (event) => {
    event.preventDefault();
    const empty = {};
    NAMES.forEach((name) => { empty[name] = ''; });
    fillForm(empty);
    update('push');
  });

  // Back and Forward: the address is the state.
  window.addEventListener('popstate', () => {
    const state = urlState();
    fillForm(state);
    update(null, state);
  });

  // Swaps in the indexed text of each event when search.json arrives, and
  // re-applies the filter if words are being searched for.
  function useIndex(index) {
    if (!index || !Array.isArray(index.events)) return;
    const texts = new Map(index.events.map((entry) => [entry.slug, entry.text]));
    events.forEach((record) => {
      const text = texts.get(record.slug);
      if (typeof text === 'string') record.text = fold(text);
    });
    form.setAttribute('data-search', 'index');
    if (!typingTimer) apply(formState());
  }

  // Start: show the form, take the state from the address and apply it.
  form.setAttribute('data-search', 'page');
  form.hidden = false;
  const initial = urlState();
  fillForm(initial);
  update(null, initial);

  // A page opened from the disk cannot fetch (browsers refuse file:// and say
  // so in the console), so there the page's own text is used without trying.
  const indexAddress = form.getAttribute('data-index');
  if (indexAddress && location.protocol !== 'file:' && window.fetch) {
    fetch(indexAddress, { credentials: 'same-origin' })
      .then((response) => (response.ok ? response.json() : null))
      .then(useIndex)
      .catch(() => { /* offline or not found: keep searching the page's text */ });
  }
})();
