// 快捷回复: a list above the reply box; picking one inserts its text, filled for this member (and the help request's
// number when one is open), at the cursor. Own file beside the desk's script; the list comes from /api/staff/quick-replies.
(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  let items = [];

  function openTicket() {
    const match = /QQ\d{6}/.exec($('d-title').textContent || '');
    return match ? match[0] : '';
  }

  async function load() {
    const ticket = openTicket();
    const response = await fetch('/api/staff/quick-replies' + (ticket ? `?ticket=${encodeURIComponent(ticket)}` : ''), { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) return;
    items = (await response.json()).items;
    const select = $('quick-reply');
    const first = document.createElement('option');
    first.value = ''; first.textContent = '快捷回复…';
    select.replaceChildren(first, ...items.map((item) => {
      const option = document.createElement('option');
      option.value = String(item.id); option.textContent = item.title;
      return option;
    }));
  }

  function insert() {
    const select = $('quick-reply');
    const item = items.find((i) => String(i.id) === select.value);
    select.value = '';
    if (!item) return;
    const box = $('reply');
    const start = box.selectionStart ?? box.value.length;
    const end = box.selectionEnd ?? box.value.length;
    box.value = box.value.slice(0, start) + item.filled + box.value.slice(end);
    box.focus();
    box.selectionStart = box.selectionEnd = start + item.filled.length;
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('quick-reply').addEventListener('focus', load);
    $('quick-reply').addEventListener('change', insert);
  });
})();
