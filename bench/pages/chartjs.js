// The app's commitments-vs-revenue chart drawn with Chart.js 4 (full UMD build from npm): payments
// stacked by deal as bars, revenue (solid, with points) and cash available (dashed) as lines,
// the reported figures as hollow diamonds, legend on top, the app's light-theme colours. Animation and responsiveness off, so every draw
// is synchronous and the canvas keeps its size.
/* global Chart, BENCH_DATA */
(() => {
  const D = BENCH_DATA;
  const COLORS = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#999999'];
  const INK = '#1F2328';
  let first = true;
  const canvas = document.getElementById('chart');
  const chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: D.years,
      datasets: [
        ...D.deals.map((d, i) => ({
          type: 'bar',
          label: d.name,
          data: d.payments,
          backgroundColor: COLORS[i % COLORS.length],
          stack: 'deals',
          categoryPercentage: 0.85,
          barPercentage: 0.8,
          order: 2,
        })),
        // Lines in a stacked chart need their own stack ids, or they are stacked on the bars.
        {
          type: 'line',
          label: 'revenue',
          data: D.revenue,
          borderColor: INK,
          backgroundColor: INK,
          borderWidth: 2.5,
          pointRadius: 3,
          stack: 'revenue',
          order: 0,
        },
        {
          type: 'line',
          label: 'reported figures',
          data: D.years.map((y) => D.reported.find(([year]) => year === y)?.[1] ?? null),
          showLine: false,
          pointStyle: 'rectRot',
          pointRadius: 5,
          borderColor: INK,
          borderWidth: 1.5,
          backgroundColor: '#FFFFFF',
          stack: 'reported',
          order: -1,
        },
        {
          type: 'line',
          label: 'available for commitments',
          data: D.available,
          borderColor: INK,
          borderWidth: 2,
          borderDash: [6, 4],
          pointRadius: 0,
          stack: 'available',
          order: 1,
        },
      ],
    },
    options: {
      animation: false,
      responsive: false,
      maintainAspectRatio: false,
      scales: {
        x: { stacked: true, grid: { display: false } },
        y: { stacked: true, title: { display: true, text: '$ billions per year' } },
      },
      plugins: { legend: { position: 'top', labels: { boxWidth: 12 } } },
    },
    plugins: [
      {
        id: 'bench-first-draw',
        afterDraw() {
          if (first) {
            first = false;
            performance.mark('chart-drawn');
          }
        },
      },
    ],
  });
  // One full redraw of the same data: scales, layout and every element, as after a data change.
  window.benchCanvas = canvas;
  window.benchRedraw = () => chart.update('none');
})();
