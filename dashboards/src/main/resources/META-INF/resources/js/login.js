// The login page: posts the form with fetch (so the CSRF token from the cookie can go in a
// header), then goes where the server says: the page that sent the user here, or the overview.
// OIDC providers, when configured, are offered as links below the form.
import { LANGUAGES, currentLang, setLang, t, translateDom } from './i18n.js';
import { csrfHeaders, languageHeaders } from './api.js';
import './header.js'; // draws the shared header (brand and language switch) before the page below

const $ = (id) => document.getElementById(id);

function message(key, vars, kind = 'error') {
  const box = $('login-message');
  box.dataset.kind = kind;
  box.dataset.key = key;
  box.textContent = key ? t(key, vars) : '';
}

function languages() {
  const nav = $('lang-switch-login');
  for (const [code, name] of Object.entries(LANGUAGES)) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = name;
    button.addEventListener('click', () => {
      setLang(code);
      draw();
    });
    button.dataset.code = code;
    nav.append(button);
  }
}

function draw() {
  translateDom();
  for (const button of $('lang-switch-login').querySelectorAll('button')) {
    button.setAttribute('aria-pressed', String(button.dataset.code === currentLang()));
  }
  const box = $('login-message');
  if (box.dataset.key) box.textContent = t(box.dataset.key);
}

async function providers() {
  // Also the first request of the page: its answer sets the CSRF cookie the form needs.
  const res = await fetch('/api/v1/auth/providers', { headers: { Accept: 'application/json' } });
  if (!res.ok) return;
  const body = await res.json();
  for (const provider of body.rows || []) {
    const link = document.createElement('a');
    link.href = provider.url;
    link.textContent = t('signInWith', { name: provider.name });
    $('providers').append(link);
  }
}

async function signIn(event) {
  event.preventDefault();
  const button = $('sign-in');
  button.disabled = true;
  message('signingIn', {}, 'info');
  try {
    const res = await fetch('login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json', ...languageHeaders(), ...csrfHeaders() },
      body: new URLSearchParams({ username: $('username').value, password: $('password').value }),
    });
    if (res.ok) {
      const body = await res.json();
      window.location.assign(body.redirect || './');
      return;
    }
    if (res.status === 401) {
      message('signInFailed');
    } else {
      message('signInError', { detail: String(res.status) });
    }
  } catch (err) {
    message('signInError', { detail: err.message });
  } finally {
    button.disabled = false;
  }
}

languages();
draw();
$('login-form').addEventListener('submit', signIn);
providers().catch(() => {});
$('username').focus();
