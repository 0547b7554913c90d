'use strict';
// The door screen: fetches the studio's current check-in code and shows it, asks again when the server says the
// code is renewed, and shows the time in Beijing from the server's clock (the screen's own clock or zone may be off).
(function () {
  const studioId = location.pathname.split('/')[2];
  const codeUrl = '/studio/' + encodeURIComponent(studioId) + '/door/code';
  const weekdays = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
  const el = (id) => document.getElementById(id);
  let serverOffsetMs = 0;
  let zoneOffsetMinutes = 480;
  let shownUntil = 0;

  const pad = (n) => String(n).padStart(2, '0');

  function tick() {
    const t = new Date(Date.now() + serverOffsetMs + zoneOffsetMinutes * 60000);
    el('date').textContent = t.getUTCFullYear() + '年' + (t.getUTCMonth() + 1) + '月' + t.getUTCDate() + '日 ' + weekdays[t.getUTCDay()];
    el('clock').textContent = pad(t.getUTCHours()) + ':' + pad(t.getUTCMinutes()) + ':' + pad(t.getUTCSeconds());
    if (shownUntil && Date.now() > shownUntil) {
      el('qr').hidden = true; // an expired code would only be refused
      shownUntil = 0;
    }
  }

  function show(body) {
    const qr = el('qr');
    if (qr.dataset.ticket !== body.ticket) {
      qr.src = body.image;
      qr.dataset.ticket = body.ticket;
    }
    qr.hidden = false;
    shownUntil = Date.now() + body.validForMs;
    el('status').textContent = '';
  }

  async function refresh() {
    let next = 15000;
    try {
      const response = await fetch(codeUrl, { cache: 'no-store', credentials: 'same-origin' });
      if (response.status === 403) {
        location.reload(); // the key was revoked: the server answers the refusal page
        return;
      }
      const body = await response.json();
      if (typeof body.now === 'number') {
        serverOffsetMs = body.now - Date.now();
        zoneOffsetMinutes = body.utcOffsetMinutes;
      }
      if (body.studio) el('studio').textContent = body.studio;
      if (body.instruction) el('instruction').textContent = body.instruction;
      if (response.ok) {
        show(body);
        next = Math.max(1000, body.renewInMs + 300);
      } else {
        el('status').textContent = body.error;
      }
    } catch (e) {
      el('status').textContent = '网络中断，正在重新连接…';
    }
    tick();
    setTimeout(refresh, next);
  }

  tick();
  setInterval(tick, 1000);
  refresh();
})();
