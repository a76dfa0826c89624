// The header every page shares: brand, the page list, the live indicator, the language switch
// and the signed-in user. Pages get only an empty <header class="topbar"> from the shared layout
// (their <body> says data-live="false" without a live feed, data-nav="none" on the login page);
// the markup and the behaviour live here once. It is drawn when this module is first evaluated,
// before the page's own module runs, and so is the rest of the page's shared markup (skeleton.js,
// imported first for that).
import './skeleton.js';
import { LANGUAGES, currentLang, locale, setLang, t, translateDom } from './i18n.js';
import { loadMe, signOut } from './api.js';

const $ = (id) => document.getElementById(id);

/** Every dashboard page, in menu order: the one list the navigation is drawn from. */
export const PAGES = [
  { href: './', file: 'index.html', label: 'navOverview' },
  { href: 'funnel.html', file: 'funnel.html', label: 'navFunnel' },
  { href: 'stale.html', file: 'stale.html', label: 'navStale' },
  { href: 'pool.html', file: 'pool.html', label: 'navPool' },
  { href: 'duplicates.html', file: 'duplicates.html', label: 'navDuplicates' },
  { href: 'forecast.html', file: 'forecast.html', label: 'navForecast' },
  { href: 'goals.html', file: 'goals.html', label: 'navGoals' },
  { href: 'import.html', file: 'import.html', label: 'navImport' },
  { href: 'routes.html', file: 'routes.html', label: 'navRoutes' },
];

/** The page's file name: the overview is also reached as "/". */
function currentFile() {
  return location.pathname.split('/').pop() || 'index.html';
}

function el(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function pageNav() {
  const file = currentFile();
  const nav = el('nav', { class: 'page-nav', 'data-i18n-aria-label': 'pageNav' });
  for (const page of PAGES) {
    const link = el('a', { href: page.href, 'data-i18n': page.label, 'data-page': page.file });
    if (page.file === file) link.setAttribute('aria-current', 'page');
    nav.append(link);
  }
  return nav;
}

function liveIndicator() {
  return el('p', { id: 'live-indicator', class: 'live', 'data-status': 'connecting', role: 'status', 'aria-live': 'polite' }, [
    el('span', { class: 'live-dot', 'aria-hidden': 'true' }),
    el('span', { id: 'live-status' }),
    el('time', { id: 'last-update' }),
  ]);
}

/**
 * Fills the page's <header class="topbar">. A page that still carries the old copied markup only
 * gets its page list replaced, so the list stays the one above.
 */
export function renderHeader(header = document.querySelector('header.topbar')) {
  if (!header) return;
  if (header.querySelector('.brand')) {
    header.querySelector('.page-nav')?.replaceWith(pageNav());
    header.dataset.rendered = 'nav';
    return;
  }
  const login = document.body.dataset.nav === 'none';
  const brand = el('div', { class: 'brand' }, [
    el('img', { src: 'favicon.svg', alt: '', width: '28', height: '28' }),
    el('span', { class: 'brand-name' }, ['Pulse']),
    el('span', { class: 'tagline', 'data-i18n': 'tagline' }),
  ]);
  const right = el('div', { class: 'topbar-right' });
  if (!login && document.body.dataset.live !== 'false') right.append(liveIndicator());
  right.append(el('nav', { id: login ? 'lang-switch-login' : 'lang-switch', class: 'lang-switch',
    'data-i18n-aria-label': 'languageSwitch' }));
  header.dataset.rendered = 'shared';
  header.replaceChildren(...(login ? [brand, right] : [brand, pageNav(), right]));
}

renderHeader();

/**
 * Fills #lang-switch with one button per language and translates the page now and on every
 * switch. onLanguage() redraws what the page builds itself (names and number formats change,
 * the data does not: no refetch).
 */
export function initLanguageSwitch(onLanguage) {
  const nav = $('lang-switch');
  for (const [code, name] of Object.entries(LANGUAGES)) {
    const button = document.createElement('button');
    button.type = 'button';
    button.id = `lang-${code}`;
    button.lang = code === 'zh' ? 'zh-CN' : 'en';
    button.textContent = name;
    button.addEventListener('click', () => {
      setLang(code); // remembered: only an explicit choice overrides the browser language
      applyLanguage(onLanguage);
    });
    nav.append(button);
  }
  initUser();
  applyLanguage(onLanguage);
}

/**
 * The signed-in user and a sign-out button, after the language switch of every page. Names come
 * from the server and go in as text, never as markup.
 */
function initUser() {
  const chip = document.createElement('p');
  chip.id = 'user-chip';
  chip.className = 'user-chip';
  const name = document.createElement('span');
  name.id = 'user-name';
  const role = document.createElement('span');
  role.id = 'user-role';
  role.className = 'user-role';
  const out = document.createElement('button');
  out.type = 'button';
  out.id = 'sign-out';
  out.dataset.i18n = 'signOut';
  out.addEventListener('click', signOut);
  chip.append(name, role, out);
  $('lang-switch').after(chip);
  loadMe().then((me) => {
    name.textContent = me.name;
    role.dataset.role = me.role;
    role.dataset.i18n = `role${me.role}`;
    role.textContent = t(`role${me.role}`);
  }, () => {});
}

function applyLanguage(onLanguage) {
  const code = currentLang();
  translateDom();
  for (const button of $('lang-switch').querySelectorAll('button')) {
    button.setAttribute('aria-pressed', String(button.id === `lang-${code}`));
  }
  onLanguage();
}

/** status: 'connecting' | 'live' | 'offline'; updatedAt: Date of the last successful load, or null. */
export function renderLive(status, updatedAt) {
  const el = $('live-indicator');
  el.dataset.status = status;
  $('live-status').textContent = t(status);
  const time = $('last-update');
  if (updatedAt) {
    time.dateTime = updatedAt.toISOString();
    time.textContent = t('updatedAt', { time: updatedAt.toLocaleTimeString(locale()) });
  }
}
