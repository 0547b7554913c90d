// Staff console. Everything users wrote is untrusted: it is only ever put on the page with textContent,
// never innerHTML. Writes carry the CSRF token from /api/staff/login or /api/staff/me.
'use strict';

(() => {
  const API = '/api/staff';
  const state = {
    csrf: null, me: null, tab: 'escalations', view: 'open', account: '', accounts: [], selected: null, events: null, reloadTimer: null, reloadDetail: false, busy: false,
    expected: [], // ticket events this console's own changes will cause: they do not open the ticket again
    dismissed: new Set(), // admin alerts put away with 知道了 (until the next sign-in)
  };
  const $ = (id) => document.getElementById(id);

  const LABELS = {
    reason: { UserAsked: '用户要求转人工', NotUnderstood: '机器人未能解答', Crisis: '危机求助', StaffPickup: '工作人员发起' },
    crisis: { Suicide: '自杀或自伤', Abuse: '虐待或性侵害', Violence: '暴力或威胁', Danger: '正处于危险中' },
    status: { Waiting: '等待接手', Claimed: '处理中', Resolved: '已结束' },
    kind: { User: '用户', Staff: '工作人员', Bot: '小助手' },
  };

  const { when } = window.staffKit;

  function duration(minutes) {
    if (minutes < 60) return `${minutes} 分钟`;
    const hours = Math.floor(minutes / 60);
    if (hours < 24) return `${hours} 小时 ${minutes % 60} 分`;
    return `${Math.floor(hours / 24)} 天 ${hours % 24} 小时`;
  }

  const { el } = window.staffKit;

  class ApiError extends Error {
    constructor(message, status) { super(message); this.status = status; }
  }

  async function api(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && state.csrf) headers['X-CSRF-TOKEN'] = state.csrf;
    const response = await fetch(API + path, {
      method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
    });
    let data = null;
    try { data = await response.json(); } catch { data = null; }
    if (response.status === 401 && path !== '/login') {
      showLogin('登录已失效，请重新登录。');
      throw new ApiError('登录已失效', 401);
    }
    if (!response.ok) throw new ApiError((data && data.error) || `请求失败（${response.status}）`, response.status);
    return data;
  }

  // ---- sign-in -------------------------------------------------------------------------------

  function showLogin(message) {
    stopEvents();
    state.me = null;
    state.csrf = null;
    // Whoever signs in next at this browser (maybe of another district) must not find the last member's work.
    clearTimeout(state.reloadTimer);
    state.selected = null;
    state.expected = [];
    clearDrafts();
    ['queue', 'transcript', 'notes', 'assignee', 'd-title', 'd-meta', 'd-sla', 'count', 'alert-list'].forEach((id) => $(id).replaceChildren());
    $('alerts').hidden = true;
    state.dismissed.clear();
    window.staffDashboard.clear();
    window.staffGuide.clear();
    delete $('detail').dataset.id;
    $('detail').hidden = true;
    $('placeholder').hidden = false;
    $('desk').hidden = true;
    $('logout').hidden = true;
    $('who').textContent = '';
    $('login').hidden = false;
    $('login-error').textContent = message || '';
  }

  function signedIn(me) {
    state.me = me;
    state.csrf = me.csrfToken;
    $('login').hidden = true;
    $('desk').hidden = false;
    $('logout').hidden = false;
    $('who').textContent = me.role === 'admin' ? `${me.userName}（管理员）` : `${me.userName}（${me.scope || ''}）`;
    renderTabs();
    startEvents();
    reloadQueue();
    loadAlerts();
    loadAccounts();
  }

  // ---- Official Accounts: with more than one, each item says which it came through and a filter picks one ----

  async function loadAccounts() {
    try { state.accounts = await api('GET', '/wechat-accounts'); } catch { state.accounts = []; }
    const several = state.accounts.length > 1;
    $('account-box').hidden = !several;
    if (!several) return;
    const all = el('option', null, '全部公众号');
    all.value = '';
    $('account').replaceChildren(all, ...state.accounts.map((a) => {
      const option = el('option', null, a.displayName);
      option.value = a.name;
      return option;
    }));
    reloadQueue();
  }

  const accountQuery = () => (state.account ? `&account=${encodeURIComponent(state.account)}` : '');
  const accountPrefix = (item) => (state.accounts.length > 1 && item.accountName ? `${item.accountName} · ` : '');

  // ---- admin alerts (binding paused, …): a banner while they last, for admins only ----------

  async function loadAlerts() {
    if (!state.me || state.me.role !== 'admin') return;
    let alerts;
    try { alerts = await api('GET', '/alerts?limit=20'); } catch { return; }
    const shown = alerts.filter((a) => a.active && !state.dismissed.has(a.id));
    $('alert-list').replaceChildren(...shown.map((a) => {
      const li = el('li');
      li.dataset.id = a.id;
      li.append(el('strong', null, `${when(a.at)}　`), el('span', null, a.message));
      return li;
    }));
    $('alerts').hidden = shown.length === 0;
  }

  function dismissAlerts() {
    document.querySelectorAll('#alert-list li').forEach((li) => state.dismissed.add(li.dataset.id));
    $('alerts').hidden = true;
  }

  async function login(event) {
    event.preventDefault();
    try {
      const me = await api('POST', '/login', { userName: $('login-user').value, password: $('login-password').value });
      $('login-password').value = '';
      signedIn(me);
    } catch (e) {
      $('login-error').textContent = e.message;
    }
  }

  async function logout() {
    try { await api('POST', '/logout'); } catch { /* signed out either way */ }
    showLogin('');
  }

  // ---- tabs: each kind of work is one entry; a tickets tab adds itself here ------------------

  const tabs = [
    { id: 'escalations', title: '人工对话', empty: '暂时没有需要处理的对话。', pick: '从左侧选择一条对话。', open: '待处理', closed: '近 7 天已结束', noteMax: 2000 },
    { id: 'tickets', title: '求助工单', empty: '暂时没有求助工单。', pick: '从左侧选择一条求助。', open: '待处理', closed: '已办结或关闭', noteMax: 1000 },
    // Not queues: a panel of their own each (dashboard.js, guide.js).
    { id: 'dashboard', title: '数据看板', panel: 'board', show: () => window.staffDashboard.show() },
    { id: 'unanswered', title: '未解答问题', panel: 'unanswered', show: () => window.staffGuide.showUnanswered() },
    { id: 'guide', title: '指南条目', panel: 'guide', show: () => window.staffGuide.showEntries() },
  ];
  const PANELS = ['board', 'unanswered', 'guide'];
  const currentTab = () => tabs.find((tab) => tab.id === state.tab);

  function renderTabs() {
    const nav = $('tabs');
    nav.replaceChildren(...tabs.map((tab) => {
      const button = el('button', null, tab.title);
      button.type = 'button';
      button.setAttribute('role', 'tab');
      button.setAttribute('aria-selected', String(tab.id === state.tab));
      button.addEventListener('click', () => {
        state.tab = tab.id;
        state.selected = null;
        $('guide-editor').hidden = true; // an entry being edited belongs to the guide's tabs
        clearDrafts();
        $('detail').hidden = true;
        $('placeholder').hidden = false;
        renderTabs();
        reloadQueue();
      });
      return button;
    }));
    const tab = currentTab();
    PANELS.forEach((panel) => { $(panel).hidden = tab.panel !== panel; });
    $('columns').hidden = !!tab.panel;
    if (tab.panel) return;
    $('queue-empty').textContent = tab.empty;
    $('placeholder').textContent = tab.pick;
    $('view').options[0].textContent = tab.open;
    $('view').options[1].textContent = tab.closed;
    $('note').maxLength = tab.noteMax;
  }

  function ownChange(change) {
    const now = Date.now();
    state.expected = state.expected.filter((e) => e.until > now);
    const i = state.expected.findIndex((e) => e.id === change.id && e.what === change.what);
    if (i >= 0) state.expected.splice(i, 1);
    return i >= 0;
  }

  // A draft belongs to the conversation or request it was typed for: never carried to another one.
  function clearDrafts() {
    $('reply').value = '';
    $('note').value = '';
    $('d-error').textContent = '';
  }

  // ---- queue ---------------------------------------------------------------------------------

  // One change pushed by the server: "escalation" (a hand-off) or "ticket" (a help request), with its id only.
  function scheduleReload(event) {
    if (currentTab().panel) return; // figures and the guide are read when asked for, not on every change
    if ((event.type === 'ticket') !== (state.tab === 'tickets')) return; // the other tab's change
    let change = {};
    try { change = JSON.parse(event.data); } catch { /* reload the list anyway */ }
    // A conversation is re-read on every change; a ticket only when it is the one open and the change is not
    // one this console made (it has shown that already), because every opening of a ticket is audited.
    if (state.selected && (event.type === 'escalation' || (change.id === state.selected && !ownChange(change)))) state.reloadDetail = true;
    clearTimeout(state.reloadTimer);
    state.reloadTimer = setTimeout(() => {
      const detail = state.reloadDetail;
      state.reloadDetail = false;
      reloadQueue();
      if (detail && state.selected) loadDetail(state.selected);
    }, 150);
  }

  async function reloadQueue() {
    if (currentTab().panel) return currentTab().show();
    if (state.tab === 'tickets') return reloadTickets();
    let data;
    try { data = await api('GET', `/escalations?view=${encodeURIComponent(state.view)}${accountQuery()}`); } catch { return; }
    if (state.tab !== 'escalations') return; // the tab changed while the list was on its way
    const list = $('queue');
    list.replaceChildren(...data.items.map(queueItem));
    $('queue-empty').hidden = data.items.length > 0;
    $('count').textContent = `${data.items.length} 条`;
  }

  function queueItem(item) {
    const li = el('li');
    li.dataset.id = item.id;
    li.setAttribute('aria-current', String(item.id === state.selected));
    const head = el('div');
    if (item.urgent) head.append(el('span', 'tag urgent', '紧急'));
    if (item.acknowledgeOverdue || item.replyOverdue) head.append(el('span', 'tag overdue', '已逾期'));
    head.append(el('span', 'tag', LABELS.status[item.status] || item.status));
    head.append(el('strong', null, item.user));
    li.append(head);
    li.append(el('div', 'muted', `${accountPrefix(item)}${item.county || '区县未知'} · ${LABELS.reason[item.reason] || item.reason} · 已等待 ${duration(item.waitingMinutes)}`));
    if (item.assignee) li.append(el('div', 'muted', `负责人：${item.assignee}`));
    li.addEventListener('click', () => select(item.id));
    return li;
  }

  async function select(id) {
    if (id !== state.selected) clearDrafts();
    state.selected = id;
    document.querySelectorAll('#queue li').forEach((li) => li.setAttribute('aria-current', String(li.dataset.id === id)));
    await loadDetail(id);
  }

  // ---- one conversation ----------------------------------------------------------------------

  async function loadDetail(id) {
    if (state.tab === 'tickets') return loadTicket(id);
    let detail;
    try { detail = await api('GET', `/escalations/${encodeURIComponent(id)}`); } catch (e) {
      if (e.status === 403 || e.status === 404) { state.selected = null; $('detail').hidden = true; $('placeholder').hidden = false; }
      return;
    }
    if (state.selected !== id) return;
    const s = detail.summary;
    $('placeholder').hidden = true;
    $('detail').hidden = false;
    $('detail').dataset.id = id;
    $('d-title').textContent = `${s.user}${s.urgent ? '（紧急）' : ''}`;
    $('d-meta').textContent = `${accountPrefix(s)}${s.county || '区县未知'} · ${LABELS.reason[s.reason] || s.reason} · ${LABELS.status[s.status] || s.status}`
      + ` · 发起 ${when(s.createdAt)}` + (s.assignee ? ` · 负责人 ${s.assignee}` : '')
      + (s.crisisCategory ? ` · 危机类别：${LABELS.crisis[s.crisisCategory] || s.crisisCategory}（依据 ${s.crisisSignal || '未知'}）` : '');
    $('detail').dataset.urgent = String(!!s.urgent && s.status !== 'Resolved');
    renderSla(s);
    $('transcript').replaceChildren(...detail.transcript.map(entryItem));
    $('transcript').scrollTop = $('transcript').scrollHeight;
    $('notes').replaceChildren(...detail.notes.map(noteItem));
    const open = s.status !== 'Resolved';
    const crisis = s.reason === 'Crisis';
    showActions({ claim: open && s.assignee !== state.me.userName, resolve: open, assign: open, 'assign-to': open, 'reply-form': open, 'note-form': true,
      'review-false': crisis, 'review-missed': !crisis, 'review-missed-label': !crisis });
    if (open) await loadAssignees();
  }

  // The detail panel serves both tabs: each shows its own buttons and hides the other's.
  const ACTIONS = ['claim', 'resolve', 'assign', 'assign-to', 'review-false', 'review-missed', 'review-missed-label', 't-ack', 't-progress', 't-resolve', 't-reopen', 't-close', 'reply-form', 'note-form'];
  function showActions(visible) {
    ACTIONS.forEach((x) => { $(x).hidden = !visible[x]; });
  }

  // ---- help-request tickets (亲青老娘舅) -------------------------------------------------------

  async function reloadTickets() {
    let items;
    const ticketView = () => (state.view === 'resolved' ? 'closed' : 'open');
    const view = ticketView();
    try { items = await api('GET', `/tickets?view=${view}${accountQuery()}`); } catch { return; }
    if (state.tab !== 'tickets' || ticketView() !== view) return; // moved on meanwhile
    $('queue').replaceChildren(...items.map(ticketItem));
    $('queue-empty').hidden = items.length > 0;
    $('count').textContent = `${items.length} 条`;
  }

  // 其他地区 is no county's: the default scope's staff take it, so the queue says it is unassigned; a parent's request
  // for their child says so (its age band is the child's).
  const ticketPlace = (t) => `${t.county}${t.unassigned ? '（未分配）' : ''}${t.filedBy === 'parent' ? ' · ' + t.filedByLabel : ''}`;

  function ticketItem(t) {
    const li = el('li');
    li.dataset.id = t.number;
    li.setAttribute('aria-current', String(t.number === state.selected));
    const head = el('div');
    if (t.overdue) head.append(el('span', 'tag overdue', '已逾期'));
    if (t.unassigned) head.append(el('span', 'tag', '未分配'));
    head.append(el('span', 'tag', t.statusLabel));
    head.append(el('strong', null, t.number));
    li.append(head);
    li.append(el('div', 'muted', `${accountPrefix(t)}${ticketPlace(t)} · ${t.category} · ${t.ageBand} · 提交 ${when(t.createdAt)}`));
    li.addEventListener('click', () => select(t.number));
    return li;
  }

  async function loadTicket(id) {
    let d;
    try { d = await api('GET', `/tickets/${encodeURIComponent(id)}`); } catch (e) {
      if (e.status === 403 || e.status === 404) { state.selected = null; $('detail').hidden = true; $('placeholder').hidden = false; }
      return;
    }
    if (state.selected !== id) return;
    const t = d.ticket;
    $('placeholder').hidden = true;
    $('detail').hidden = false;
    $('detail').dataset.id = id;
    $('d-title').textContent = `求助工单 ${t.number}`;
    $('d-meta').textContent = `${ticketPlace(t)} · ${t.category} · ${t.ageBand} · ${t.statusLabel} · 提交 ${when(t.createdAt)}`;
    $('d-sla').textContent = `受理时限 ${when(t.acknowledgeDue)}${t.acknowledgeOverdue ? '（已逾期）' : ''}`
      + `　办结时限 ${when(t.resolveDue)}${t.resolveOverdue ? '（已逾期）' : ''}`;
    const line = (className, who, text) => {
      const li = el('li', className);
      li.append(el('span', 'who', who), el('span', 'text', text ?? '（内容已删除）'));
      return li;
    };
    const fields = [['求助描述', d.description], ['联系电话', d.phone], ['姓名', d.name]]
      .filter(([, v]) => v).map(([k, v]) => line('user', k, v));
    const history = d.history || [];
    const shown = history.filter((h) => h.kind !== 'StaffNote').map((h) => {
      const li = line(h.kind === 'UserAddition' ? 'user' : 'staff',
        `${h.kind === 'UserAddition' ? '用户补充' : `工作人员 ${h.authorName} 回复`} · ${when(h.at)}`, h.text);
      if (h.delivered === false) li.append(el('span', 'failed', `未送达：${h.deliveryError || '渠道拒绝'}`));
      return li;
    });
    $('transcript').replaceChildren(...fields, ...shown);
    $('notes').replaceChildren(...history.filter((h) => h.kind === 'StaffNote')
      .map((h) => noteItem({ staffName: h.authorName, at: h.at, text: h.text ?? '（内容已删除）' })));
    // Replies and notes need the personal data: a withdrawn request, or one past retention, has none left.
    const writable = t.status !== 'Withdrawn' && !t.personalDataDeleted;
    showActions({
      't-ack': t.status === 'New',
      't-progress': t.status === 'New' || t.status === 'Acknowledged',
      't-resolve': isOpen(t),
      't-reopen': t.status === 'Resolved' && !t.personalDataDeleted, // the server refuses it (409) once purged
      't-close': ['New', 'Acknowledged', 'InProgress', 'Resolved'].includes(t.status),
      'reply-form': writable,
      'note-form': writable,
    });
  }

  // A request still being handled (待处理): not yet resolved, closed or withdrawn.
  const isOpen = (t) => ['New', 'Acknowledged', 'InProgress'].includes(t.status);

  function renderSla(s) {
    const p = $('d-sla');
    p.replaceChildren();
    const ack = el('span', s.acknowledgeOverdue ? 'overdue-text' : null,
      `接手时限 ${when(s.acknowledgeDue)}${s.acknowledgeOverdue ? '（已逾期）' : ''}`);
    const reply = el('span', s.replyOverdue ? 'overdue-text' : null,
      `　答复时限 ${when(s.replyDue)}${s.replyOverdue ? '（已逾期）' : ''}`);
    p.append(ack, reply);
  }

  function entryItem(entry) {
    const li = el('li', entry.kind.toLowerCase());
    const who = entry.kind === 'Staff' && entry.staffName ? `${entry.staffName}（工作人员）` : (LABELS.kind[entry.kind] || entry.kind);
    // A self-service command (and its flow's answers) during the hand-off: the bot answered it.
    const how = entry.selfService ? '（自助服务，小助手已回答）' : '';
    li.append(el('span', 'who', `${who}${how} · ${when(entry.at)}`));
    li.append(el('span', 'text', entry.text));
    if (entry.delivered === false) {
      li.append(el('span', 'failed', `未送达：${entry.failureReason || '渠道拒绝'}（${entry.errorCode || '未知'}）`));
    }
    return li;
  }

  function noteItem(note) {
    const li = el('li');
    li.append(el('span', 'who', `${note.staffName || ''} · ${when(note.at)}`));
    li.append(el('span', 'text', note.text));
    return li;
  }

  async function loadAssignees() {
    let people;
    try { people = await api('GET', '/escalations/assignees'); } catch { return; }
    $('assignee').replaceChildren(...people.map((p) => {
      const option = el('option', null, `${p.displayName}（${p.role === 'admin' ? '管理员' : p.scope}）`);
      option.value = p.userName;
      return option;
    }));
  }

  // `change`: for a ticket, the kind of event the action causes (the console shows the result itself, so that
  // event does not open the ticket again).
  async function act(path, body, after, change) {
    const id = state.selected;
    const tab = state.tab;
    // One action at a time: a double click or a second Enter must not send the user the same reply twice.
    if (!id || state.busy) return;
    state.busy = true;
    setBusy(true);
    try {
      await actNow(id, tab, path, body, after, change);
    } finally {
      state.busy = false;
      setBusy(false);
    }
  }

  function setBusy(busy) {
    document.querySelectorAll('#detail button').forEach((button) => { button.disabled = busy; });
  }

  async function actNow(id, tab, path, body, after, change) {
    const still = () => state.tab === tab && state.selected === id; // staff may have moved on meanwhile
    $('d-error').textContent = '';
    const expected = change ? { id, what: change, until: Date.now() + 10000 } : null;
    if (expected) state.expected.push(expected);
    let error = '';
    try {
      const base = tab === 'tickets' ? '/tickets' : '/escalations';
      const result = await api('POST', `${base}/${encodeURIComponent(id)}${path}`, body);
      if (after && still()) after(result);
      if (result && result.delivered === false) {
        error = `消息未送达：${result.reason || '渠道拒绝'}（${result.errorCode || '未知'}）`;
      }
    } catch (e) {
      error = e.message;
      state.expected = state.expected.filter((x) => x !== expected); // refused: no event will come
    }
    if (!still()) return;
    $('d-error').textContent = error;
    await loadDetail(id);
    await reloadQueue();
  }

  // ---- live updates (server-sent events) -----------------------------------------------------

  function startEvents() {
    stopEvents();
    const source = new EventSource(`${API}/escalations/events`);
    state.events = source;
    source.addEventListener('ready', () => {
      setLive('open', '实时更新中');
      reloadQueue();
      // After a drop, changes made meanwhile sent no event to this console: read the open item again too.
      if (state.selected) loadDetail(state.selected);
      loadAlerts();
    });
    source.addEventListener('escalation', scheduleReload);
    source.addEventListener('ticket', scheduleReload);
    source.addEventListener('alert', loadAlerts); // sent to admins' consoles only
    source.addEventListener('error', async () => {
      setLive('off', '连接中断，正在重连…');
      if (source.readyState !== EventSource.CLOSED) return; // the browser retries by itself
      // The stream was refused (signed out elsewhere, or a gateway error while the server restarts): a 401 shows
      // the sign-in form; anything else (no network, 502) tries again a little later, until it works.
      try { await api('GET', '/me'); } catch (e) { if (e.status === 401) return; }
      setTimeout(() => { if (state.events === source) startEvents(); }, 3000);
    });
  }

  function stopEvents() {
    if (state.events) state.events.close();
    state.events = null;
    setLive('off', '未连接');
  }

  function setLive(mode, text) {
    $('live').dataset.state = mode;
    $('live').textContent = text;
  }

  // ---- wiring --------------------------------------------------------------------------------

  const ticketChange = (what) => (state.tab === 'tickets' ? what : null);

  function wire() {
    $('login-form').addEventListener('submit', login);
    $('logout').addEventListener('click', logout);
    $('alerts-dismiss').addEventListener('click', dismissAlerts);
    $('view').addEventListener('change', () => { state.view = $('view').value; reloadQueue(); });
    $('account').addEventListener('change', () => { state.account = $('account').value; reloadQueue(); });
    $('claim').addEventListener('click', () => act('/claim'));
    $('assign').addEventListener('click', () => act('/assign', { userName: $('assignee').value }));
    $('resolve').addEventListener('click', () => {
      // A crisis is closed only with a note saying what was done.
      if ($('detail').dataset.urgent === 'true') {
        const note = window.prompt('这是紧急个案。请写一句处理说明（已如何联系、对方是否安全），写好后办结：');
        if (note && note.trim()) act('/resolve', { text: note.trim() });
        return;
      }
      if (window.confirm('确定结束这次人工服务吗？用户会回到自助服务。')) act('/resolve');
    });
    // The crisis check's mistakes go to a review list for the next round of its lexicon and training set.
    const review = async (verdict, category) => {
      const id = state.selected;
      if (!id || state.busy) return;
      const note = window.prompt(verdict === 'missed' ? '这是没有被识别的危机。可以补充说明（可不填）：' : '这条危机提醒是误报。可以补充说明（可不填）：');
      if (note === null) return;
      state.busy = true; setBusy(true);
      try {
        await api('POST', '/crisis-reviews', { escalationId: id, verdict, category, note: note.trim() || undefined });
        $('d-error').textContent = '已记入复核清单，谢谢。';
      } catch (e) { $('d-error').textContent = e.message || '提交失败，请稍后再试。'; }
      finally { state.busy = false; setBusy(false); }
    };
    $('review-false').addEventListener('click', () => review('false-alarm'));
    $('review-missed').addEventListener('click', () => review('missed', $('review-category').value));
    $('t-ack').addEventListener('click', () => act('/acknowledge', undefined, null, 'acknowledged'));
    $('t-progress').addEventListener('click', () => act('/status', { status: 'InProgress' }, null, 'status'));
    $('t-resolve').addEventListener('click', () => {
      if (window.confirm('确定办结这条求助吗？办结后仍可补充回复和备注。')) act('/resolve', undefined, null, 'status');
    });
    $('t-reopen').addEventListener('click', () => act('/status', { status: 'InProgress' }, null, 'status'));
    $('t-close').addEventListener('click', () => {
      if (window.confirm('确定关闭这条求助吗？关闭后不能再改状态。')) act('/status', { status: 'Closed' }, null, 'status');
    });
    $('reply-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const text = $('reply').value.trim();
      if (!text) return;
      act('/reply', { text }, () => { $('reply').value = ''; }, ticketChange('reply'));
    });
    $('note-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const text = $('note').value.trim();
      if (!text) return;
      act('/notes', { text }, () => { $('note').value = ''; }, ticketChange('note'));
    });
  }

  async function start() {
    wire();
    // Not through api(): a first visit without a session is not an expired session.
    const response = await fetch(`${API}/me`, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (response.ok) signedIn(await response.json()); else showLogin('');
  }

  document.addEventListener('DOMContentLoaded', start);
})();
