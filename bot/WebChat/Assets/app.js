// The web chat: sends what is typed to /api/webchat/messages and shows the answers; every text is shown as text
// (textContent), never as HTML. Replies staff send later are fetched from /api/webchat/inbox every few seconds.
(function () {
  'use strict';
  var log = document.getElementById('log');
  var form = document.getElementById('composer');
  var input = document.getElementById('text');
  var send = document.getElementById('send');
  var status = document.getElementById('status');

  function show(text, kind) {
    var item = document.createElement('div');
    item.className = 'msg ' + kind;
    item.textContent = text;
    log.appendChild(item);
    item.scrollIntoView({ block: 'end' });
  }

  function post(text) {
    return fetch('/api/webchat/messages', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: text })
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok) throw new Error(body.error || '发送失败，请稍后再试。');
        return body.replies || [];
      });
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text || send.disabled) return;
    show(text, 'user');
    input.value = '';
    send.disabled = true;
    status.textContent = '助手正在回复…';
    post(text).then(function (replies) {
      replies.forEach(function (reply) { show(reply, 'bot'); });
      status.textContent = '';
    }).catch(function (error) {
      show(error.message, 'error');
      status.textContent = '';
    }).then(function () {
      send.disabled = false;
      input.focus();
    });
  });

  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  function poll() {
    if (document.visibilityState === 'visible') {
      fetch('/api/webchat/inbox', { credentials: 'same-origin' })
        .then(function (response) { return response.ok ? response.json() : { replies: [] }; })
        .then(function (body) { (body.replies || []).forEach(function (reply) { show(reply, 'staff'); }); })
        .catch(function () { /* the next poll tries again */ });
    }
  }
  setInterval(poll, 5000);
  input.focus();
})();
