// Draws the region page's charts from the figures the server put in data-chart attributes (JSON).
(function () {
  if (typeof echarts === 'undefined') {
    return;
  }
  var colour = '#8b1a1a';
  var statusColours = { OPERATING: '#2e7d32', SUSPENDED: '#f9a825', RECTIFYING: '#ef6c00', CLOSED: '#6d4c41',
    EXITED: '#455a64', DEREGISTERED: '#9e9e9e' };

  function data(el) {
    try {
      return JSON.parse(el.dataset.chart || '{}');
    } catch (e) {
      return {};
    }
  }

  // room for every bar: a category needs about 26 px
  function fit(el, categories) {
    el.style.height = Math.max(320, categories * 26 + 60) + 'px';
  }

  var lang = document.documentElement.lang || undefined;

  function grouped(value) {
    return Number(value).toLocaleString(lang);
  }

  // axis ticks in short form (5000万, 50M) so that they do not run into each other
  function compact(value) {
    try {
      return new Intl.NumberFormat(lang, { notation: 'compact' }).format(value);
    } catch (e) {
      return grouped(value);
    }
  }

  // operating capacity per product: one bar each; units differ between products, so each label names its unit
  var capacity = document.getElementById('capacity-chart');
  if (capacity) {
    var c = data(capacity);
    var labels = c.labels || [];
    var values = (c.values || []).map(Number);
    fit(capacity, labels.length);
    var chart = echarts.init(capacity);
    chart.setOption({
      grid: { left: 8, right: 88, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'value', axisLabel: { formatter: compact } },
      yAxis: { type: 'category', data: labels, inverse: true },
      tooltip: { trigger: 'axis', valueFormatter: grouped },
      series: [{ type: 'bar', data: values, barMaxWidth: 32, itemStyle: { color: colour },
        label: { show: true, position: 'right', formatter: function (p) { return grouped(p.value); } } }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  // enterprises per industry, stacked by status
  var counts = document.getElementById('count-chart');
  if (counts) {
    var d = data(counts);
    var series = (d.series || []).map(function (s) {
      return { name: s.name, type: 'bar', stack: 'status', barMaxWidth: 32, data: s.data, itemStyle: { color: statusColours[s.code] || colour } };
    });
    fit(counts, (d.industries || []).length);
    var countChart = echarts.init(counts);
    countChart.setOption({
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: d.industries || [], inverse: true },
      tooltip: { trigger: 'axis' },
      series: series
    });
    window.addEventListener('resize', function () { countChart.resize(); });
  }
})();
