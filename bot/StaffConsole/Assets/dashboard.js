// 数据看板: the dashboard tab. Figures come from /api/staff/dashboard in the member's scope; every chart has its
// numbers as a table (and as CSV from /api/staff/dashboard/csv). Text from the server is only put on the page with
// textContent. Chart.js (vendored, /staff/chart.umd.min.js) draws on canvases: no inline script or style.
'use strict';

window.staffDashboard = (() => {
  const $ = (id) => document.getElementById(id);
  const charts = [];
  let wired = false;

  const { el } = window.staffKit;

  const percent = (part, whole) => (whole > 0 ? `${Math.round((part / whole) * 1000) / 10}%` : '—');

  // Each chart: its name (as the CSV endpoint knows it), title, Chart.js type, the table's header and rows, and the
  // datasets drawn from those rows.
  function definitions(d) {
    const a = d.answers;
    const guideQuestions = a.answered + a.clarified + a.notSure;
    const h = d.handoffs;
    return [
      { name: 'messages', title: '每日消息数', type: 'bar', head: ['日期', '消息数'],
        rows: d.messagesPerDay.map((r) => [r.day, r.messages]), series: [{ label: '消息数', column: 1 }] },
      { name: 'answers', title: '回答方式', type: 'doughnut', head: ['回答方式', '条数'],
        rows: [['直接答上', a.answered], ['请用户选择', a.clarified], ['不太确定', a.notSure], ['寒暄', a.smallTalk], ['功能办理', a.flow]],
        series: [{ label: '条数', column: 1 }],
        share: `志愿指南问题 ${guideQuestions} 条：直接答上 ${percent(a.answered, guideQuestions)}，请用户选择 ${percent(a.clarified, guideQuestions)}，不太确定 ${percent(a.notSure, guideQuestions)}` },
      { name: 'unanswered', title: '未答上的问题（最接近的条目）', type: 'bar', horizontal: true, head: ['最接近的条目', '未答上次数'],
        rows: d.topUnanswered.map((r) => [r.name, r.count]), series: [{ label: '未答上次数', column: 1 }] },
      { name: 'handoffs', title: '转人工', type: 'bar', head: ['项目', '数量'],
        rows: [['期间新转人工', h.opened], ['时限内接手', h.acknowledgedInTime], ['正在等待', h.waitingNow], ['等待已超时', h.overdueNow]],
        series: [{ label: '数量', column: 1 }], share: `时限内接手：${percent(h.acknowledgedInTime, h.opened)}` },
      { name: 'tickets-category', title: '求助按类别', type: 'bar', head: ['类别', '求助数'],
        rows: d.ticketsByCategory.map((r) => [r.name, r.count]), series: [{ label: '求助数', column: 1 }] },
      { name: 'tickets-county', title: '求助按区县', type: 'bar', head: ['区县', '求助数'],
        rows: d.ticketsByCounty.map((r) => [r.name, r.count]), series: [{ label: '求助数', column: 1 }] },
      { name: 'duty', title: '团代表值班（今年）', type: 'bar', head: ['区县', '团代表人数', '应值班次数', '已出勤次数', '已达标人数'],
        rows: d.duty.map((r) => [r.county, r.delegates, r.required, r.attended, r.met]),
        series: [{ label: '应值班次数', column: 2 }, { label: '已出勤次数', column: 3 }] },
      { name: 'hours', title: '志愿时长导入与积分兑换', type: 'bar', head: ['区县', '导入时长（小时）', '兑换积分'],
        rows: d.hours.map((r) => [r.county, r.hoursImported, r.pointsRedeemed]),
        series: [{ label: '导入时长（小时）', column: 1 }, { label: '兑换积分', column: 2 }] },
    ];
  }

  const COLORS = ['#c8102e', '#1565c0', '#f57c00', '#2e7d32', '#6a1b9a', '#00838f', '#5d4037', '#9e9d24'];

  function table(def) {
    const t = el('table');
    t.dataset.chart = def.name;
    const head = el('tr');
    def.head.forEach((name) => head.append(el('th', null, name)));
    const thead = el('thead');
    thead.append(head);
    const body = el('tbody');
    def.rows.forEach((row) => {
      const tr = el('tr');
      row.forEach((value, i) => tr.append(el('td', i === 0 ? null : 'num', value)));
      body.append(tr);
    });
    t.append(thead, body);
    return t;
  }

  function draw(def, canvas) {
    const labels = def.rows.map((r) => String(r[0]));
    const datasets = def.series.map((s, i) => ({
      label: s.label,
      data: def.rows.map((r) => Number(r[s.column])),
      backgroundColor: def.type === 'doughnut' ? COLORS : COLORS[i % COLORS.length],
    }));
    return new window.Chart(canvas, {
      type: def.type,
      data: { labels, datasets },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        indexAxis: def.horizontal ? 'y' : 'x',
        plugins: { legend: { display: def.type === 'doughnut' || def.series.length > 1 } },
      },
    });
  }

  function clear() {
    while (charts.length) charts.pop().destroy();
    $('board-charts').replaceChildren();
    $('board-error').textContent = '';
    $('board-scope').textContent = '';
  }

  async function load() {
    const from = $('board-from').value;
    const to = $('board-to').value;
    const query = from && to ? `?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}` : '';
    $('board-error').textContent = '';
    let data;
    try {
      const response = await fetch(`/api/staff/dashboard${query}`, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      data = await response.json().catch(() => null);
      if (!response.ok) throw new Error((data && data.error) || `请求失败（${response.status}）`);
    } catch (e) {
      $('board-error').textContent = e.message;
      return;
    }
    clear();
    $('board-from').value = data.from;
    $('board-to').value = data.to;
    $('board-scope').textContent = data.scope ? `范围：${data.scope}` : '范围：全部区县';
    const period = `from=${encodeURIComponent(data.from)}&to=${encodeURIComponent(data.to)}`;
    definitions(data).forEach((def) => {
      const section = el('section', 'chart');
      section.dataset.chart = def.name;
      const box = el('div', 'canvas-box');
      const canvas = el('canvas');
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', def.title);
      box.append(canvas);
      const csv = el('a', null, '下载 CSV');
      csv.href = `/api/staff/dashboard/csv?chart=${encodeURIComponent(def.name)}&${period}`;
      csv.download = `${def.name}.csv`;
      section.append(el('h3', null, def.title), box);
      if (def.share) section.append(el('p', 'share', def.share));
      section.append(table(def), csv);
      $('board-charts').append(section);
      charts.push(draw(def, canvas));
      section.dataset.rendered = 'true';
    });
    $('board').dataset.loaded = `${data.from}/${data.to}`;
  }

  function show() {
    if (!wired) {
      wired = true;
      $('board-period').addEventListener('submit', (event) => { event.preventDefault(); load(); });
    }
    load();
  }

  return { show, clear };
})();
