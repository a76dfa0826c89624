// The per-rep table. Built with DOM calls and textContent only: rep and team ids come from
// user-entered spreadsheets, so they must render as text, never as markup.
import { t } from './i18n.js';
import { formatCount } from './charts.js';

/** entries: totalsByRepAndTeam() output. */
export function renderRepTable(tbody, entries) {
  const rows = entries.map((entry) => {
    const tr = document.createElement('tr');
    tr.append(
      cell('th', entry.repId, { scope: 'row' }),
      cell('td', entry.teamId ?? t('noTeam'), entry.teamId == null ? { className: 'muted' } : {}),
      // a team's follow-ups open their list (drill.js); without a team there is no list to ask for
      cell('td', formatCount(entry.followUps), { className: entry.teamId == null ? 'num' : 'num drillable' }),
      cell('td', formatCount(entry.customers), { className: 'num' }),
    );
    tr.dataset.rep = entry.repId;
    if (entry.teamId != null) tr.dataset.team = entry.teamId;
    return tr;
  });
  if (rows.length === 0) {
    const tr = document.createElement('tr');
    tr.append(cell('td', t('noData'), { colSpan: 4, className: 'empty' }));
    rows.push(tr);
  }
  tbody.replaceChildren(...rows);
}

function cell(tag, text, props) {
  const el = document.createElement(tag);
  el.textContent = String(text);
  Object.assign(el, props);
  return el;
}
