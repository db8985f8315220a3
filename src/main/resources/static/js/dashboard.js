// Draws the regions-by-kind bar chart from the figures the server put in data attributes.
(function () {
  var el = document.getElementById('regions-by-kind');
  if (!el || typeof echarts === 'undefined') {
    return;
  }
  var labels = (el.dataset.labels || '').split('|').filter(Boolean);
  var values = (el.dataset.values || '').split('|').filter(Boolean).map(Number);
  var chart = echarts.init(el);
  chart.setOption({
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: labels },
    series: [{ type: 'bar', data: values, itemStyle: { color: '#8b1a1a' }, label: { show: true, position: 'right' } }],
    tooltip: {}
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
