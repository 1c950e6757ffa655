(function () {
  'use strict';
  var table = document.getElementById('socket-table');
  var tools = document.getElementById('socket-tools');
  if (!table || !tools) { return; }
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var headers = table.tHead.rows[0].cells;
  var input = document.createElement('input');
  input.type = 'search';
  input.id = 'socket-filter';
  input.placeholder = 'Filter sockets (any column)';
  input.setAttribute('aria-label', 'Filter sockets');
  var count = document.createElement('span');
  count.id = 'socket-count';
  tools.appendChild(input);
  tools.appendChild(count);

  function filter() {
    var query = input.value.toLowerCase();
    var shown = 0;
    rows.forEach(function (row) {
      var hit = !query || row.textContent.toLowerCase().indexOf(query) >= 0;
      row.hidden = !hit;
      if (hit) { shown++; }
    });
    count.textContent = shown + ' of ' + rows.length + ' sockets shown';
  }

  function key(row, col) {
    var cell = row.cells[col];
    var value = cell.getAttribute('data-sort');
    return value !== null ? value : cell.textContent;
  }

  function sortBy(col, ascending) {
    var th = headers[col];
    Array.prototype.forEach.call(headers, function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var numeric = th.getAttribute('data-type') === 'number';
    rows.sort(function (a, b) {
      var x = key(a, col), y = key(b, col);
      var r = numeric ? Number(x) - Number(y) : x.localeCompare(y);
      if (r === 0) { r = Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index')); return r; }
      return ascending ? r : -r;
    });
    rows.forEach(function (row) { tbody.appendChild(row); });
  }

  Array.prototype.forEach.call(headers, function (th, col) {
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = th.textContent;
    th.textContent = '';
    th.appendChild(button);
    button.addEventListener('click', function () { sortBy(col, th.getAttribute('aria-sort') !== 'ascending'); });
  });
  input.addEventListener('input', filter);

  // A view can be shared as report.html#sort=port-desc&filter=nginx
  var params = {};
  location.hash.replace(/^#/, '').split('&').forEach(function (part) {
    var eq = part.indexOf('=');
    if (eq > 0) { params[part.slice(0, eq)] = decodeURIComponent(part.slice(eq + 1)); }
  });
  if (params.sort) {
    var descending = /-desc$/.test(params.sort);
    var name = params.sort.replace(/-(asc|desc)$/, '');
    Array.prototype.forEach.call(headers, function (th, col) {
      if (th.getAttribute('data-key') === name) { sortBy(col, !descending); }
    });
  }
  if (params.filter) { input.value = params.filter; }
  filter();
}());
