// 值班安排: the on-call rota of the member's county (admins: all), beside the desk. Own file so the desk's script
// stays as it is; it reads /api/staff/me for the CSRF token and talks to /api/staff/oncall. User text is set as text.
(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const API = '/api/staff';
  let csrf = null;
  let editing = null;
  let ownCounty = ''; // a member's own county, which their lines are for

  async function call(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && csrf) headers['X-CSRF-TOKEN'] = csrf;
    const response = await fetch(API + path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
    let data = null;
    try { data = await response.json(); } catch { data = null; }
    if (!response.ok) throw new Error((data && data.error) || `请求失败（${response.status}）`);
    return data;
  }

  const DAY_NAMES = ['一', '二', '三', '四', '五', '六', '日'];
  function days(text) {
    return text.split(',').map((part) => part.split('-').map((d) => '周' + (DAY_NAMES[Number(d) - 1] || d)).join('至')).join('、');
  }

  function cell(text) { const td = document.createElement('td'); td.textContent = text; return td; }

  async function load() {
    $('oncall-error').textContent = '';
    const { items } = await call('GET', '/oncall');
    const rows = items.map((line) => {
      const tr = document.createElement('tr');
      tr.dataset.id = String(line.id);
      tr.append(cell(line.county), cell(line.staff), cell(days(line.days)), cell(`${line.from}–${line.to}`));
      const actions = document.createElement('td');
      if (line.fromConfiguration) {
        actions.append(document.createTextNode('（配置文件）'));
      } else {
        const edit = document.createElement('button');
        edit.type = 'button'; edit.className = 'oncall-edit'; edit.textContent = '修改';
        edit.addEventListener('click', () => fill(line));
        const remove = document.createElement('button');
        remove.type = 'button'; remove.className = 'oncall-remove'; remove.textContent = '删除';
        remove.addEventListener('click', () => run(() => call('DELETE', `/oncall/${line.id}`)));
        actions.append(edit, remove);
      }
      tr.append(actions);
      return tr;
    });
    $('oncall-rows').replaceChildren(...rows);
    $('oncall-empty').hidden = rows.length > 0;
  }

  function fill(line) {
    editing = line ? line.id : null;
    $('oncall-county').value = line ? line.county : ownCounty;
    $('oncall-staff').value = line ? line.staff : '';
    $('oncall-days').value = line ? line.days : '1-7';
    $('oncall-from').value = line ? line.from : '18:00';
    $('oncall-to').value = line ? line.to : '09:00';
    $('oncall-save').textContent = line ? '保存修改' : '添加';
  }

  async function run(action) {
    try { await action(); fill(null); await load(); } catch (e) { $('oncall-error').textContent = e.message; }
  }

  async function open() {
    try {
      const me = await call('GET', '/me');
      csrf = me.csrfToken;
      $('oncall').hidden = false;
      ownCounty = me.role === 'admin' ? '' : (me.scope || '');
      fill(null);
      await load();
    } catch (e) { $('oncall-error').textContent = e.message; }
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('oncall-open').addEventListener('click', open);
    $('oncall-close').addEventListener('click', () => { $('oncall').hidden = true; });
    $('oncall-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const body = { county: $('oncall-county').value, staff: $('oncall-staff').value, days: $('oncall-days').value, from: $('oncall-from').value, to: $('oncall-to').value };
      run(() => editing === null ? call('POST', '/oncall', body) : call('PUT', `/oncall/${editing}`, body));
    });
  });
})();
