// 未解答问题 and 指南条目: the guide's desk. Questions the assistant could not answer, grouped, to attach to an entry
// as a phrasing or to draft a new entry from; the entries with their drafts and history, edited, retired and — by
// admins — published. Talks to /api/staff/guide; text from the server is only put on the page with textContent.
'use strict';

window.staffGuide = (() => {
  const $ = (id) => document.getElementById(id);
  const API = '/api/staff/guide';
  const KINDS = { 'not-sure': '不太确定', 'clarify-refused': '没选列表里的话题', 'handoff-after-answer': '看了回答仍转人工' };
  const STATUS = { served: '在用', retired: '已下架', new: '新条目' };
  const { when } = window.staffKit;
  let me = null;
  let entries = [];
  let editing = null; // { id, isNew, draftId, fromQuestions }
  let wired = false;

  const { el } = window.staffKit;

  function button(className, text, action, errorBox) {
    const b = el('button', className, text);
    b.type = 'button';
    b.addEventListener('click', () => run(action, errorBox));
    return b;
  }

  async function call(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && me) headers['X-CSRF-TOKEN'] = me.csrfToken;
    const response = await fetch(API + path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
    let data = null;
    try { data = await response.json(); } catch { data = null; }
    if (!response.ok) throw new Error((data && data.error) || `请求失败（${response.status}）`);
    return data;
  }

  async function run(action, errorBox) {
    $(errorBox).textContent = '';
    try { await action(); } catch (e) { $(errorBox).textContent = e.message; }
  }

  async function ready() {
    if (!me) {
      const response = await fetch('/api/staff/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error('登录已失效，请重新登录。');
      me = await response.json();
    }
    wire();
  }

  async function loadEntries() {
    entries = (await call('GET', '/entries')).items;
  }

  // ---- 未解答问题 ------------------------------------------------------------------------------

  async function showUnanswered() {
    await run(async () => {
      await ready();
      const [{ items }] = await Promise.all([call('GET', '/unanswered'), loadEntries()]);
      $('un-list').replaceChildren(...items.map(group));
      $('un-empty').hidden = items.length > 0;
    }, 'un-error');
  }

  function group(g) {
    const li = el('li');
    li.dataset.ids = g.ids.join(',');
    li.append(el('div', 'question', g.text));
    const kinds = Object.entries(g.kinds).map(([k, n]) => `${KINDS[k] || k} ${n}`).join('，');
    li.append(el('div', 'muted', `共 ${g.count} 次（${kinds}）· 最近 ${when(g.lastAt)}`));
    if (g.closest.length > 0) li.append(el('div', 'muted', `最接近的条目：${g.closest.map((c) => c.title).join('；')}`));

    const form = el('form');
    const phrasing = el('input', 'un-phrasing');
    phrasing.value = g.text;
    phrasing.maxLength = 120;
    phrasing.setAttribute('aria-label', '作为问法加入（可先修改）');
    const pick = el('select', 'un-entry');
    pick.setAttribute('aria-label', '加到哪个条目');
    const closestIds = new Set(g.closest.map((c) => c.id));
    const options = [...g.closest, ...entries.filter((e) => e.status !== 'retired' && !closestIds.has(e.id))];
    options.forEach((e) => { const o = el('option', null, `${e.title}（${e.id}）`); o.value = e.id; pick.append(o); });
    form.append(phrasing, pick,
      button('un-attach', '加为问法', async () => {
        await call('POST', '/unanswered/attach', { ids: g.ids, entryId: pick.value, phrasing: phrasing.value });
        await showUnanswered();
      }, 'un-error'),
      button('un-draft', '起草新条目', async () => {
        openEditor({ id: '', title: '', answer: '', questions: [phrasing.value], tags: [], source: '' }, { isNew: true, fromQuestions: g.ids });
      }, 'un-error'),
      button('un-dismiss', '忽略', async () => {
        await call('POST', '/unanswered/dismiss', { ids: g.ids });
        await showUnanswered();
      }, 'un-error'));
    form.addEventListener('submit', (event) => event.preventDefault());
    li.append(form);
    return li;
  }

  // ---- 指南条目 --------------------------------------------------------------------------------

  async function showEntries() {
    await run(async () => {
      await ready();
      const [{ items: drafts }] = await Promise.all([call('GET', '/drafts'), loadEntries()]);
      const admin = me.role === 'admin';
      $('drafts-hint').textContent = admin ? '检查后点「发布」，所有实例立即生效。' : '草稿由管理员发布后生效。';
      $('draft-list').replaceChildren(...drafts.map((d) => {
        const li = el('li');
        li.dataset.entry = d.entryId;
        li.append(el('strong', null, `${d.title}（${d.entryId}）`), document.createTextNode(
          ` ${d.retired ? '下架' : '修改'} · ${d.author} · ${when(d.updatedAt)}${d.note ? ` · ${d.note}` : ''} `));
        li.append(button('draft-open', '查看', () => openEntry(d.entryId), 'drafts-error'));
        if (admin) li.append(button('draft-publish', '发布', () => publish(d.id, 'drafts-error'), 'drafts-error'));
        li.append(button('draft-discard', '放弃', async () => { await call('DELETE', `/drafts/${d.id}`); await showEntries(); }, 'drafts-error'));
        return li;
      }));
      $('drafts-empty').hidden = drafts.length > 0;
      renderEntries();
    }, 'drafts-error');
  }

  function renderEntries() {
    const filter = $('entry-filter').value.trim().toLowerCase();
    const rows = entries.filter((e) => !filter || e.id.includes(filter) || e.title.toLowerCase().includes(filter)).map((e) => {
      const tr = el('tr');
      tr.dataset.id = e.id;
      const status = [STATUS[e.status] || e.status];
      if (e.changed && e.status === 'served') status.push('工作台改过');
      if (e.draftId) status.push('有草稿');
      const actions = el('td');
      actions.append(button('entry-edit', e.status === 'retired' ? '恢复' : '编辑', () => openEntry(e.id), 'drafts-error'));
      tr.append(el('td', null, e.id), el('td', null, e.title), el('td', null, status.join('，')), actions);
      return tr;
    });
    $('entry-rows').replaceChildren(...rows);
  }

  async function publish(draftId, errorBox) {
    $('drafts-hint').textContent = '正在发布，指南重建需要几秒钟……';
    await call('POST', `/drafts/${draftId}/publish`);
    $(errorBox).textContent = '';
    if (!$('guide-editor').hidden && editing && editing.draftId === draftId) $('guide-editor').hidden = true;
    await showEntries();
  }

  async function openEntry(id) {
    const data = await call('GET', `/entries/${encodeURIComponent(id)}`);
    const shown = data.draft || data.entry || data.history[data.history.length - 1];
    openEditor({
      id, title: shown.title, answer: shown.answer, questions: shown.questions, tags: shown.tags, source: shown.source,
    }, { isNew: false, draftId: data.draft ? data.draft.id : null, retired: data.retired, served: !!data.entry, history: data.history });
  }

  function openEditor(entry, how) {
    editing = { id: entry.id, isNew: how.isNew, draftId: how.draftId || null, fromQuestions: how.fromQuestions || [] };
    $('ge-title').textContent = how.isNew ? '新建条目（草稿）' : `编辑条目：${entry.title}`;
    $('ge-id').value = entry.id;
    $('ge-id').readOnly = !how.isNew;
    $('ge-name').value = entry.title;
    $('ge-answer').value = entry.answer;
    $('ge-questions').value = entry.questions.join('\n');
    $('ge-tags').value = entry.tags.join('，');
    $('ge-source').value = entry.source;
    $('ge-error').textContent = '';
    $('ge-status').textContent = how.isNew ? '保存后是草稿，管理员发布后生效。'
      : how.retired ? '这个条目已下架；保存草稿并发布即可恢复。'
        : editing.draftId ? '正在看的是草稿（还没发布）。' : '正在看的是在用的版本。';
    $('ge-publish').hidden = !(me.role === 'admin' && editing.draftId);
    $('ge-retire').hidden = how.isNew || !how.served;
    $('ge-history').replaceChildren(...(how.history || []).map((r) => el('li', null,
      `${when(r.updatedAt)} ${r.author} ${r.status === 'published' ? `发布（${r.publishedBy}）` : r.status === 'draft' ? '草稿' : '已放弃'}${r.retired ? '·下架' : ''}${r.note ? ` · ${r.note}` : ''}`)));
    $('guide-editor').hidden = false;
    $('ge-name').focus();
  }

  function split(text, pattern) { return text.split(pattern).map((s) => s.trim()).filter((s) => s.length > 0); }

  async function save() {
    const id = $('ge-id').value.trim();
    const body = {
      title: $('ge-name').value, answer: $('ge-answer').value, questions: split($('ge-questions').value, /\n/),
      tags: split($('ge-tags').value, /[,，、]/), source: $('ge-source').value, isNew: editing.isNew, fromQuestions: editing.fromQuestions,
    };
    const draft = await call('PUT', `/entries/${encodeURIComponent(id)}/draft`, body);
    await openEntry(draft.entryId);
    $('ge-status').textContent = '草稿已保存。' + (me.role === 'admin' ? '可以发布了。' : '等管理员发布。');
    await refresh();
  }

  async function refresh() {
    if (!$('unanswered').hidden) await showUnanswered();
    if (!$('guide').hidden) await showEntries();
  }

  function wire() {
    if (wired) return;
    wired = true;
    $('entry-filter').addEventListener('input', renderEntries);
    $('entry-new').addEventListener('click', () => openEditor({ id: '', title: '', answer: '', questions: [], tags: [], source: '' }, { isNew: true }));
    $('ge-form').addEventListener('submit', (event) => { event.preventDefault(); run(save, 'ge-error'); });
    $('ge-close').addEventListener('click', () => { $('guide-editor').hidden = true; editing = null; });
    $('ge-publish').addEventListener('click', () => run(async () => { await publish(editing.draftId, 'ge-error'); $('guide-editor').hidden = true; }, 'ge-error'));
    $('ge-retire').addEventListener('click', () => run(async () => {
      await call('POST', `/entries/${encodeURIComponent(editing.id)}/retire`);
      await openEntry(editing.id);
      $('ge-status').textContent = '已存为下架草稿，管理员发布后下架。';
      await refresh();
    }, 'ge-error'));
  }

  // Whoever signs in next at this browser starts from nothing.
  function clear() {
    me = null;
    entries = [];
    editing = null;
    ['un-list', 'draft-list', 'entry-rows', 'ge-history'].forEach((id) => $(id).replaceChildren());
    $('guide-editor').hidden = true;
  }

  return { showUnanswered, showEntries, clear };
})();
