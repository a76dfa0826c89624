// Wires the alert routes page (ADMIN): the receivers per rep, per team and the default ones, and
// how robots @mention each rep, from /api/v1/admin/alert-routes and /alert-contacts. Adding and
// removing a route go through the same API, which validates and audits them; its refusals are
// shown as the API words them (in the page's language). Secrets are sent, never shown: the API
// only says whether a route signs. Everything typed by people is rendered as text.
// Test hooks: body[data-state], body[data-render-count].
import { t } from './i18n.js';
import { initLanguageSwitch } from './header.js';
import { createRoute, deleteRoute, loadRoutes } from './api.js';
import { el, translated } from './dom.js';
import { createRefresh } from './refresh.js';

const $ = (id) => document.getElementById(id);

const page = createRefresh({ charts: {}, load: loadRoutes, what: 'the alert routes', draw, asOf: false });

function draw(last) {
  if (!last) return;
  const { routes, contacts } = last;
  $('routes-count').textContent = t('routesTotal', { total: routes.length });
  $('routes-table-body').replaceChildren(...(routes.length === 0
    ? [el('tr', {}, el('td', { colSpan: 6, className: 'empty', textContent: t('noRoutes') }))]
    : routes.map((route) => {
      const remove = el('button', { type: 'button', className: 'button', textContent: t('removeRoute') });
      remove.addEventListener('click', () => removeRoute(route.routeId));
      const row = el('tr', {},
        el('td', { textContent: translated('scope', route.scope) }),
        el('td', { textContent: route.scopeId ?? '—' }),
        el('td', { textContent: translated('format', route.format) }),
        el('td', { textContent: route.url }),
        el('td', { textContent: route.signed ? t('yes') : t('no') }),
        el('td', {}, remove));
      row.dataset.routeId = route.routeId;
      return row;
    })));
  $('contacts-table-body').replaceChildren(...(contacts.length === 0
    ? [el('tr', {}, el('td', { colSpan: 5, className: 'empty', textContent: t('noContacts') }))]
    : contacts.map((contact) => el('tr', {},
      el('td', { textContent: contact.repId }),
      el('td', { textContent: contact.mobile ?? '—' }),
      el('td', { textContent: contact.wecomUserId ?? '—' }),
      el('td', { textContent: contact.dingtalkUserId ?? '—' }),
      el('td', { textContent: contact.feishuUserId ?? '—' })))));
}

function showFormError(err) {
  const box = $('route-form-error');
  box.textContent = err ? (err.detail || err.message) : '';
  box.hidden = !err;
}

async function removeRoute(routeId) {
  try {
    await deleteRoute(routeId);
    showFormError(null);
  } catch (err) {
    showFormError(err);
  }
  page.requestRefresh();
}

$('route-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const scope = $('route-scope').value;
  const route = { scope, format: $('route-format').value, url: $('route-url').value.trim() };
  if (scope !== 'DEFAULT') route.scopeId = $('route-scope-id').value.trim();
  if ($('route-secret').value) route.secret = $('route-secret').value;
  try {
    await createRoute(route);
    showFormError(null);
    $('route-form').reset();
  } catch (err) {
    showFormError(err);
  }
  page.requestRefresh();
});
$('route-scope').addEventListener('change', () => { $('route-scope-id').disabled = $('route-scope').value === 'DEFAULT'; });
initLanguageSwitch(page.render);
page.requestRefresh();
