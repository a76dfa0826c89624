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
    // Navigation and the overview's card
    pageNav: 'Pages',
    navOverview: 'Overview',
    navDuplicates: 'Duplicate flags',
    openDuplicateFlags: 'Open duplicate flags',
    openDuplicateFlagsHint: 'All open flags, not only this range →',
    navStale: 'Customers to call',
    openAlerts: 'Customers to call',
    openAlertsHint: 'Stale or overdue now, not only this range →',
    // Duplicate flags page
    duplicatesPageTitle: 'Pulse · Duplicate flags',
    flagFiltersLabel: 'Flag filters',
    flagType: 'Type',
    allTypes: 'All types',
    flagStatus: 'Status',
    status_OPEN: 'Open',
    status_DISMISSED: 'Dismissed',
    type_DUPLICATE_CUSTOMER: 'One customer entered twice',
    type_MULTI_REP: 'Several reps on one customer',
    type_DUPLICATE_ENTRY: 'Follow-up entered twice',
    typeShort_DUPLICATE_CUSTOMER: 'Duplicate customer',
    typeShort_MULTI_REP: 'Several reps',
    typeShort_DUPLICATE_ENTRY: 'Duplicate entry',
    typeHint_DUPLICATE_CUSTOMER: 'Different customer records share a phone number, email or WeChat id.',
    typeHint_MULTI_REP: 'Two or more reps followed up the same customer within the window.',
    typeHint_DUPLICATE_ENTRY: 'The same customer, rep, minute and content recorded again; the repeat is left out of every count.',
    byTypeTitle: 'Open flags by type',
    byTypeHint: 'All open flags, whatever the filters',
    noOpenFlags: 'No open flags',
    colKey: 'Matching key',
    colFlagCustomers: 'Customers',
    colReps: 'Reps',
    colFirstSeen: 'First seen',
    colUpdated: 'Last updated',
    colAction: 'Action',
    colDismissal: 'Dismissed by',
    key_phone: 'Phone',
    key_email: 'Email',
    key_wechat: 'WeChat',
    key_customer: 'Customer',
    key_entry: 'Entry',
    noFlags_OPEN: 'No open flags of this kind',
    noFlags_DISMISSED: 'No dismissed flags of this kind',
    showHistory: 'Show the follow-ups of {customer}',
    dismiss: 'Dismiss',
    dismissTitle: 'Dismiss a flag',
    dismissIntro: 'The flag leaves the open list; your name and reason are kept with it.',
    dismissBy: 'Your name',
    dismissReason: 'Reason',
    dismissReasonPlaceholder: 'e.g. same person, records merged',
    dismissSubmit: 'Dismiss flag',
    cancel: 'Cancel',
    dismissRequired: 'Enter your name and a reason.',
    dismissConflict: 'This flag had already been dismissed.',
    dismissNotFound: 'This flag no longer exists.',
    dismissFailed: 'Could not dismiss the flag ({detail}).',
    dismissedAtBy: '{by} · {at}',
    reopened: 'Open again; dismissed earlier by {by}: {reason}',
    historyTitle: 'Follow-up history',
    historyHint: 'Choose a customer in a flag to see their follow-ups, newest first.',
    historyOf: 'Follow-ups of {customer}',
    historyEmpty: 'No follow-ups recorded for this customer',
    historyError: 'Could not load the follow-ups ({detail}).',
    close: 'Close',
    historyRep: 'Rep',
    historyChannel: 'Channel',
    historyStage: 'Stage',
    stage_LEAD: 'Lead',
    stage_QUALIFIED: 'Qualified',
    stage_PROPOSAL: 'Proposal',
    stage_QUOTE: 'Quote',
    stage_CONTRACT: 'Contract',
    stage_WON: 'Won',
    stage_LOST: 'Lost',
    // Customers to call page
    stalePageTitle: 'Pulse · Customers to call',
    staleFiltersLabel: 'Customer filters',
    allReps: 'All reps',
    allKinds: 'All kinds',
    allStages: 'All stages',
    kind_STALE: 'Stale',
    kind_OVERDUE: 'Overdue',
    kindHint_STALE: 'No follow-up for longer than the stage allows',
    kindHint_OVERDUE: 'The planned next follow-up date has passed',
    staleTableTitle: 'Customers to call',
    staleTableCaption: 'Open alerts, one row per customer and kind. Click a column heading to sort.',
    alertsTotal: '{total} open alerts',
    alertsShown: '{shown} of {total} open alerts',
    colCustomer: 'Customer',
    colStage: 'Stage',
    colKind: 'Kind',
    colLastFollowUp: 'Last follow-up',
    colDaysSince: 'Days since',
    colThreshold: 'Threshold (days)',
    colThresholdHint: 'How long the stage may go without a follow-up; an overdue customer shows the date that was planned instead',
    dueAt: 'Planned {time}',
    noOpenAlerts: 'No customers to call',
    noMatchingAlerts: 'No open alerts match these filters',
    alertsByRepTitle: 'Open alerts by rep',
    alertsByRepHint: 'Stacked by kind, whatever the filters; click a bar to list that rep',
    staleHistoryHint: 'Choose a customer in the table to see their follow-ups, newest first.',
    resolvedTitle: 'Recently resolved',
    resolvedHint: 'The last 20, whatever the filters',
    noResolved: 'No alerts resolved yet',
    resolution_FOLLOWED_UP: 'Followed up',
    resolution_CLOSED: 'Closed (won or lost)',
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
    // 导航与概览卡片
    pageNav: '页面',
    navOverview: '概览',
    navDuplicates: '重复标记',
    openDuplicateFlags: '待处理重复标记',
    openDuplicateFlagsHint: '全部待处理标记，不限日期 →',
    navStale: '待跟进客户',
    openAlerts: '待跟进客户',
    openAlertsHint: '当前久未跟进或跟进逾期，不限日期 →',
    // 重复标记页
    duplicatesPageTitle: 'Pulse · 重复标记',
    flagFiltersLabel: '标记筛选',
    flagType: '类型',
    allTypes: '全部类型',
    flagStatus: '状态',
    status_OPEN: '待处理',
    status_DISMISSED: '已忽略',
    type_DUPLICATE_CUSTOMER: '同一客户多次录入',
    type_MULTI_REP: '多名销售跟进同一客户',
    type_DUPLICATE_ENTRY: '重复跟进记录',
    typeShort_DUPLICATE_CUSTOMER: '重复客户',
    typeShort_MULTI_REP: '多人跟进',
    typeShort_DUPLICATE_ENTRY: '重复记录',
    typeHint_DUPLICATE_CUSTOMER: '不同的客户记录使用了相同的电话、邮箱或微信号。',
    typeHint_MULTI_REP: '两名及以上销售在时间窗口内跟进了同一客户。',
    typeHint_DUPLICATE_ENTRY: '同一客户、同一销售、同一分钟、内容相同的记录被再次录入；重复的一条不计入任何统计。',
    byTypeTitle: '各类型待处理标记',
    byTypeHint: '全部待处理标记，不受筛选影响',
    noOpenFlags: '暂无待处理标记',
    colKey: '匹配依据',
    colFlagCustomers: '客户',
    colReps: '销售',
    colFirstSeen: '首次发现',
    colUpdated: '最近更新',
    colAction: '操作',
    colDismissal: '忽略人',
    key_phone: '电话',
    key_email: '邮箱',
    key_wechat: '微信',
    key_customer: '客户',
    key_entry: '记录',
    noFlags_OPEN: '该类型暂无待处理标记',
    noFlags_DISMISSED: '该类型暂无已忽略标记',
    showHistory: '查看 {customer} 的跟进记录',
    dismiss: '忽略',
    dismissTitle: '忽略标记',
    dismissIntro: '标记将移出待处理列表，您的姓名和原因会一并保存。',
    dismissBy: '您的姓名',
    dismissReason: '原因',
    dismissReasonPlaceholder: '例如：同一人，已合并',
    dismissSubmit: '确认忽略',
    cancel: '取消',
    dismissRequired: '请填写姓名和原因。',
    dismissConflict: '该标记已被忽略。',
    dismissNotFound: '该标记已不存在。',
    dismissFailed: '忽略失败（{detail}）。',
    dismissedAtBy: '{by} · {at}',
    reopened: '已重新打开；此前由 {by} 忽略：{reason}',
    historyTitle: '跟进历史',
    historyHint: '点击标记中的客户，查看其跟进记录（最新在前）。',
    historyOf: '{customer} 的跟进记录',
    historyEmpty: '该客户暂无跟进记录',
    historyError: '跟进记录加载失败（{detail}）。',
    close: '关闭',
    historyRep: '销售',
    historyChannel: '方式',
    historyStage: '阶段',
    stage_LEAD: '潜在客户',
    stage_QUALIFIED: '意向客户',
    stage_PROPOSAL: '方案制定',
    stage_QUOTE: '报价',
    stage_CONTRACT: '合同签署',
    stage_WON: '成交',
    stage_LOST: '流失',
    // 待跟进客户页
    stalePageTitle: 'Pulse · 待跟进客户',
    staleFiltersLabel: '客户筛选',
    allReps: '全部销售',
    allKinds: '全部类型',
    allStages: '全部阶段',
    kind_STALE: '久未跟进',
    kind_OVERDUE: '跟进逾期',
    kindHint_STALE: '距上次跟进已超过该阶段允许的天数',
    kindHint_OVERDUE: '已过计划的下次跟进时间',
    staleTableTitle: '待跟进客户',
    staleTableCaption: '未解决的提醒，每位客户每种类型一行。点击列标题排序。',
    alertsTotal: '共 {total} 条未解决提醒',
    alertsShown: '显示 {shown} 条，共 {total} 条未解决提醒',
    colCustomer: '客户',
    colStage: '阶段',
    colKind: '类型',
    colLastFollowUp: '上次跟进',
    colDaysSince: '未跟进天数',
    colThreshold: '时限（天）',
    colThresholdHint: '该阶段允许的最长未跟进天数；跟进逾期的客户显示原计划的跟进时间',
    dueAt: '计划 {time}',
    noOpenAlerts: '暂无待跟进客户',
    noMatchingAlerts: '没有符合筛选条件的提醒',
    alertsByRepTitle: '各销售未解决提醒',
    alertsByRepHint: '按类型堆叠，不受筛选影响；点击柱形只看该销售',
    staleHistoryHint: '点击表格中的客户，查看其跟进记录（最新在前）。',
    resolvedTitle: '最近解决',
    resolvedHint: '最近 20 条，不受筛选影响',
    noResolved: '暂无已解决的提醒',
    resolution_FOLLOWED_UP: '已跟进',
    resolution_CLOSED: '已结单（成交或流失）',
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

/** Translates static markup (and the title): data-i18n sets text, data-i18n-title / -placeholder / -aria-label set attributes. */
export function translateDom(root = document) {
  document.documentElement.lang = locale();
  // Each page names its title key on <title data-i18n>; the overview's is the default.
  document.title = t(document.querySelector('title[data-i18n]')?.dataset.i18n ?? 'pageTitle');
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
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
