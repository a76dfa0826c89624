// The header every page shares: the language switch and the live indicator. The markup is in
// each page (static HTML); the behaviour lives here once.
import { LANGUAGES, currentLang, locale, setLang, t, translateDom } from './i18n.js';

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
  applyLanguage(onLanguage);
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
