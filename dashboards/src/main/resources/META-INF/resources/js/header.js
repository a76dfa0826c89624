// The header every page shares: the language switch and the live indicator. The markup is in
// each page (static HTML); the behaviour lives here once.
import { LANGUAGES, currentLang, locale, setLang, t, translateDom } from './i18n.js';
import { loadMe, signOut } from './api.js';

const $ = (id) => document.getElementById(id);

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
