// Draws the bar charts of a public list page (by district, by industry) from the figures the server put in data
// attributes; the same figures are in the table below the charts for those who cannot see them.
(function () {
  if (typeof echarts === 'undefined') {
    return;
  }
  document.querySelectorAll('.capgov-chart').forEach(function (el) {
    var labels = (el.dataset.labels || '').split('|').filter(Boolean);
    var values = (el.dataset.values || '').split('|').filter(Boolean).map(Number);
    el.style.height = Math.max(120, 28 * labels.length + 40) + 'px';
    var chart = echarts.init(el);
    chart.setOption({
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: labels, inverse: true },
      series: [{ type: 'bar', data: values, itemStyle: { color: '#8b1a1a' }, label: { show: true, position: 'right' } }],
      tooltip: {}
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
