// The markup every page would otherwise copy: panel headings, cards, table heads and labelled
// controls. A page states them in short with data attributes and this module draws them, once,
// when it is first evaluated (header.js imports it first, so before any page's own module runs and
// before the language is applied: the data-i18n keys it writes are translated with the rest).
// Only i18n keys and ids go in, as attributes; text is set by translateDom(), never as markup.
//
//   <section class="panel" aria-labelledby="x-title" data-heading="key" data-count="x-count" data-hint="key">
//     → <header><h2 id="x-title" data-i18n="key"> <p id="x-count" class="hint" aria-live="polite">
//       <p class="hint" data-i18n="key"></header>, before the panel's own content
//       (aria-labelledby, data-count and data-hint are each optional)
//   <article class="card" data-heading="key" data-value="total-x" data-hint="key">
//     → <h2 data-i18n="key"> <p id="total-x" class="value">—</p> <p class="hint" data-i18n="key">
//   <table data-caption="key" data-columns="colRep colFollowUps.num colCustomers.num(colCustomersHint)">
//     → <caption data-i18n="key"> and a head row of <th scope="col" data-i18n="colRep">..., a column
//       written name.num is a number column (class "num"), name(hint) has a translated title;
//       head cells already in the markup stay after the generated ones
//   <table data-body="x-body" ...>
//     → the table wrapped in <div class="table-wrap"> (scrolls sideways on a narrow screen) and
//       given an empty <tbody id="x-body"> after any head, for the page's module to fill
//   <select id="x" data-label="key" data-options="=allKinds STALE=kind_STALE">
//     → wrapped in <label><span data-i18n="key"></span>...</label> (data-label works on any
//       control); data-options gives value=key pairs, an empty value before the "=" for "all"

/** tag('p', {id: 'x', class: 'hint'}, child...): attributes are set as attributes. */
export function tag(name, attributes = {}, ...children) {
  const node = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) {
    if (value != null) node.setAttribute(key, value);
  }
  node.append(...children);
  return node;
}

const words = (text) => (text ?? '').trim().split(/\s+/).filter(Boolean);

/** The hint line under a heading, or nothing (a list to spread) without a key. */
function hint(key) {
  return key ? [tag('p', { class: 'hint', 'data-i18n': key })] : [];
}

function panelHeading(panel) {
  const { heading, count, hint: hintKey } = panel.dataset;
  const h2 = tag('h2', { id: panel.getAttribute('aria-labelledby'), 'data-i18n': heading });
  const live = count ? [tag('p', { id: count, class: 'hint', 'aria-live': 'polite' })] : [];
  panel.prepend(tag('header', {}, h2, ...live, ...hint(hintKey)));
}

function card(card) {
  const { heading, value, hint: hintKey } = card.dataset;
  card.prepend(tag('h2', { 'data-i18n': heading }), tag('p', { id: value, class: 'value' }, '—'), ...hint(hintKey));
}

/** "colCustomers.num(colCustomersHint)" → <th scope="col" class="num" data-i18n=... data-i18n-title=...> */
function headCell(column) {
  const [, key, classes, title] = column.match(/^([^.(]+)((?:\.[\w-]+)*)(?:\((.+)\))?$/);
  return tag('th', {
    scope: 'col',
    class: classes ? classes.slice(1).replaceAll('.', ' ') : null,
    'data-i18n': key,
    'data-i18n-title': title,
  });
}

function tableHead(table) {
  const row = table.tHead?.rows[0] ?? table.createTHead().insertRow();
  row.prepend(...words(table.dataset.columns).map(headCell));
  if (table.dataset.caption) table.createCaption().dataset.i18n = table.dataset.caption;
}

function tableFrame(table) {
  const wrap = tag('div', { class: 'table-wrap' });
  table.replaceWith(wrap);
  wrap.append(table);
  table.append(tag('tbody', { id: table.dataset.body }));
}

function options(select) {
  select.append(...words(select.dataset.options).map((pair) => {
    const [value, key] = pair.split('=');
    return tag('option', { value, 'data-i18n': key });
  }));
}

function labelled(control) {
  const label = tag('label');
  control.replaceWith(label);
  label.append(tag('span', { 'data-i18n': control.dataset.label }), control);
}

/** Draws every declaration under root (the document unless told). */
export function drawSkeleton(root = document) {
  for (const panel of root.querySelectorAll('.panel[data-heading]')) panelHeading(panel);
  for (const node of root.querySelectorAll('.card[data-heading]')) card(node);
  for (const table of root.querySelectorAll('table[data-columns]')) tableHead(table);
  for (const table of root.querySelectorAll('table[data-body]')) tableFrame(table);
  for (const select of root.querySelectorAll('select[data-options]')) options(select);
  for (const control of root.querySelectorAll('[data-label]')) labelled(control);
}

drawSkeleton();
