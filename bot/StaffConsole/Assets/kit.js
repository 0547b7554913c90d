// What every script of the console shares, loaded before them: an element with text (never HTML), and a time as
// staff read it (Beijing time, whatever the browser's zone).
'use strict';

window.staffKit = (() => {
  const timeFormat = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
  });

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  const when = (iso) => (iso ? timeFormat.format(new Date(iso)) : '—');

  return { el, when };
})();
