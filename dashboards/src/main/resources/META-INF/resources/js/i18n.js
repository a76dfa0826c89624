// The one dictionary for every label on the dashboards. Both languages must define the same
// keys: t() falls back to English and then to the key itself, so a gap shows up on screen
// instead of failing silently.

export const LANGUAGES = { zh: '中文', en: 'English' };

const STORAGE_KEY = 'pulse.lang';

const DICT = {
  en: {
    pageTitle: 'Pulse · Follow-up activity',
    tagline: 'Live sales follow-up activity',
    languageSwitch: 'Language',
    filtersLabel: 'Filters',
    from: 'From',
    to: 'To',
    team: 'Team',
    allTeams: 'All teams',
    noTeam: 'No team',
    granularity: 'Line chart by',
    day: 'Day',
    week: 'Week',
    month: 'Month',
    totalsLabel: 'Totals for the selected range',
    followUps: 'Follow-ups',
    activeReps: 'Reps active',
    teams: 'Teams',
    customerTouches: 'Customer touches',
    customerTouchesHint: 'Not distinct customers: one customer contacted by more than one rep or team, or on more than one day, can count more than once.',
    sales: 'Sales',
    revenue: 'Revenue',
    byRepTitle: 'Follow-ups by rep',
    byRepHint: 'Stacked by channel',
    byDayTitle_day: 'Follow-ups per day',
    byDayTitle_week: 'Follow-ups per week',
    byDayTitle_month: 'Follow-ups per month',
    byDayHintTeams: 'One line per team',
    byDayHintReps: 'One line per rep of {team}',
    repTableTitle: 'Reps',
    repTableCaption: 'Follow-ups per rep and team in the selected range',
    colRep: 'Rep',
    colTeam: 'Team',
    colFollowUps: 'Follow-ups',
    colCustomers: 'Customer-days',
    colCustomersHint: 'Distinct customers per day, summed over the days of the range',
    noData: 'No follow-ups in this range',
    loading: 'Loading…',
    live: 'Live',
    connecting: 'Connecting…',
    offline: 'Live feed offline · refreshing every 15 s',
    updatedAt: 'Updated {time}',
    loadError: 'Could not load the reports ({detail}). Retrying automatically.',
    channel_PHONE: 'Phone',
    channel_WECHAT: 'WeChat',
    channel_EMAIL: 'Email',
    channel_MEETING: 'Meeting',
    channel_VISIT: 'Visit',
    channel_OTHER: 'Other',
  },
  zh: {
    pageTitle: 'Pulse · 跟进活动',
    tagline: '实时销售跟进分析',
    languageSwitch: '语言',
    filtersLabel: '筛选',
    from: '开始日期',
    to: '结束日期',
    team: '团队',
    allTeams: '全部团队',
    noTeam: '未分配团队',
    granularity: '折线图粒度',
    day: '按日',
    week: '按周',
    month: '按月',
    totalsLabel: '所选时间范围合计',
    followUps: '跟进次数',
    activeReps: '活跃销售',
    teams: '团队数',
    customerTouches: '客户触达次数',
    customerTouchesHint: '不是去重客户数：同一客户被多位销售或多个团队跟进、或在多天被跟进，可能被计算多次。',
    sales: '成交单数',
    revenue: '成交金额',
    byRepTitle: '各销售跟进次数',
    byRepHint: '按跟进方式堆叠',
    byDayTitle_day: '每日跟进次数',
    byDayTitle_week: '每周跟进次数',
    byDayTitle_month: '每月跟进次数',
    byDayHintTeams: '每个团队一条线',
    byDayHintReps: '{team} 的每位销售一条线',
    repTableTitle: '销售明细',
    repTableCaption: '所选时间范围内各销售（按团队）的跟进情况',
    colRep: '销售',
    colTeam: '团队',
    colFollowUps: '跟进次数',
    colCustomers: '客户·天',
    colCustomersHint: '每天去重的客户数，按天相加',
    noData: '该时间范围内没有跟进记录',
    loading: '加载中…',
    live: '实时',
    connecting: '连接中…',
    offline: '实时推送已断开 · 每 15 秒刷新',
    updatedAt: '更新于 {time}',
    loadError: '报表加载失败（{detail}），将自动重试。',
    channel_PHONE: '电话',
    channel_WECHAT: '微信',
    channel_EMAIL: '邮件',
    channel_MEETING: '会议',
    channel_VISIT: '拜访',
    channel_OTHER: '其他',
  },
};

let lang = initialLang();

function initialLang() {
  let saved = null;
  try {
    saved = localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be blocked (privacy mode); the browser language still works.
  }
  if (saved in DICT) return saved;
  return (navigator.language || '').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function currentLang() {
  return lang;
}

/** BCP 47 tag for <html lang> and Intl formatting. */
export function locale() {
  return lang === 'zh' ? 'zh-CN' : 'en';
}

export function setLang(next) {
  if (!(next in DICT)) return;
  lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Not remembered across visits, but the switch still applies now.
  }
}

/** Looks a key up and fills {name} placeholders with the given values. */
export function t(key, vars = {}) {
  const text = DICT[lang][key] ?? DICT.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

/** Translates static markup: data-i18n sets text, data-i18n-title / -aria-label set attributes. */
export function translateDom(root = document) {
  document.documentElement.lang = locale();
  document.title = t('pageTitle');
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
  for (const el of root.querySelectorAll('[data-i18n-aria-label]')) {
    el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
  }
}

/** Keys missing from one language; used by a quick check, empty when both are complete. */
export function missingKeys() {
  const en = Object.keys(DICT.en);
  const zh = Object.keys(DICT.zh);
  return [...en.filter((k) => !zh.includes(k)), ...zh.filter((k) => !en.includes(k))];
}
