// The import page: drop or pick a sheet, post it to /api/v1/imports, show the summary, the
// rejected rows and a download of them. Every text from the file (names, cells, reasons) goes
// into the page as text, never as markup.
import { initLanguageSwitch } from './header.js';
import { currentLang, locale, t } from './i18n.js';
import { el } from './dom.js';
import { csrfHeaders, languageHeaders } from './api.js';

const $ = (id) => document.getElementById(id);
let file = null;
let result = null;
let downloadUrl = null;

function setState(state) {
  document.body.dataset.state = state;
  $('import-submit').disabled = state === 'uploading';
  $('import-form').setAttribute('aria-busy', String(state === 'uploading'));
}

function chooseFile(chosen) {
  file = chosen ?? null;
  $('file-name').textContent = file ? `${file.name} · ${formatSize(file.size)}` : '';
  $('drop-zone').classList.toggle('has-file', Boolean(file));
  showError(null);
}

function formatSize(bytes) {
  return new Intl.NumberFormat(locale(), { style: 'unit', unit: bytes >= 1e6 ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: 1 }).format(bytes >= 1e6 ? bytes / 1e6 : Math.max(0.1, bytes / 1e3));
}

function showError(text) {
  $('import-error').hidden = !text;
  $('import-error').textContent = text ?? '';
}

async function submit(event) {
  event.preventDefault();
  if (!file) {
    showError(t('importNoFile'));
    return;
  }
  const form = new FormData();
  form.append('file', file, file.name);
  const mapping = $('mapping-input').files[0];
  if (mapping) form.append('mapping', mapping, mapping.name);
  const query = new URLSearchParams({ dryRun: String($('dry-run').checked) });
  if ($('import-type').value) query.set('type', $('import-type').value);
  setState('uploading');
  showError(null);
  try {
    const res = await fetch(`/api/v1/imports?${query}`, { method: 'POST', body: form, headers: { Accept: 'application/json', ...languageHeaders(), ...csrfHeaders() } });
    if (!res.ok) {
      const problem = await res.json().catch(() => ({}));
      const detail = problem.detail || problem.title || res.statusText;
      throw new Error(res.status === 413 ? t('importTooLarge') : t('importFailed', { status: res.status, detail }));
    }
    result = await res.json();
    render();
    setState('done');
  } catch (err) {
    showError(err.message);
    setState('error');
  }
}

function render() {
  if (!result) return;
  const s = result.summary;
  const number = new Intl.NumberFormat(locale());
  $('import-result').hidden = false;
  $('result-title').textContent = t(s.dryRun ? 'resultDryRun' : 'resultDone', { file: s.file, format: s.format,
    type: t(s.type === 'sales' ? 'importTypeSales' : 'importTypeFollowups') });
  $('sum-read').textContent = number.format(s.rowsRead);
  $('sum-accepted').textContent = number.format(s.accepted);
  $('sum-rejected').textContent = number.format(s.rejected);
  $('sum-customers').textContent = number.format(s.customers);
  $('sum-time').textContent = t('seconds', { n: new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(s.millis / 1000) });

  $('duplicates-panel').hidden = s.likelyDuplicates.length === 0;
  $('duplicate-list').replaceChildren(...s.likelyDuplicates.map((d) => el('li', {
    textContent: t('likelyDuplicate', { name: d.customerName, company: d.company || '—',
      ids: d.customerIds.join(', '), rows: d.rows.join(', ') }),
  })));

  $('rejected-panel').hidden = s.rejected === 0;
  $('rejected-hint').textContent = s.problemsOmitted > 0
    ? t('rejectedHintMore', { shown: s.problems.length, more: s.problemsOmitted })
    : t('rejectedHint');
  $('rejected-table').tBodies[0].replaceChildren(...s.problems.map((p) => el('tr', {},
    el('td', { className: 'num', textContent: String(p.row) }),
    el('td', { textContent: p.column }),
    // each reason comes in English and Chinese, with a stable code for support
    el('td', { textContent: (currentLang() === 'zh' && p.reasonZh) || p.reason, title: p.code || '' }))));
  if (downloadUrl) URL.revokeObjectURL(downloadUrl);
  downloadUrl = result.rejectedCsv ? URL.createObjectURL(new Blob([result.rejectedCsv], { type: 'text/csv;charset=utf-8' })) : null;
  const link = $('rejected-download');
  link.hidden = !downloadUrl;
  if (downloadUrl) {
    link.href = downloadUrl;
    link.download = result.rejectedFileName;
  }
}

const zone = $('drop-zone');
for (const type of ['dragenter', 'dragover']) {
  zone.addEventListener(type, (event) => {
    event.preventDefault();
    zone.classList.add('dragging');
  });
}
for (const type of ['dragleave', 'drop']) {
  zone.addEventListener(type, () => zone.classList.remove('dragging'));
}
zone.addEventListener('drop', (event) => {
  event.preventDefault();
  chooseFile(event.dataTransfer.files[0]);
});
$('file-input').addEventListener('change', (event) => chooseFile(event.target.files[0]));
$('import-form').addEventListener('submit', submit);
initLanguageSwitch(render);
setState('idle');
