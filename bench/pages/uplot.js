// The app's commitments-vs-revenue chart drawn with uPlot 1.6 (IIFE build from npm). uPlot has
// no stacking of its own: each deal is drawn as a bar from zero to the running total of the deals
// up to it, tallest first, so each lower layer paints over the one above (the usual uPlot way).
// Revenue (solid, with points) and cash available (dashed) are lines, the reported figures points
// only; uPlot's legend (HTML) is under the canvas. uPlot never animates.
/* global uPlot, BENCH_DATA */
(() => {
  const D = BENCH_DATA;
  const COLORS = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#999999'];
  const INK = '#1F2328';
  const totals = [];
  let running = D.years.map(() => 0);
  for (const d of D.deals) {
    running = running.map((v, i) => v + d.payments[i]);
    totals.push(running);
  }
  const bars = uPlot.paths.bars({ size: [0.68, Infinity], gap: 0 });
  const layers = D.deals.map((d, i) => ({
    label: d.name,
    fill: COLORS[i % COLORS.length],
    stroke: COLORS[i % COLORS.length],
    width: 0,
    paths: bars,
    points: { show: false },
  }));
  const reported = D.years.map((y) => D.reported.find(([year]) => year === y)?.[1] ?? null);
  const data = [D.years, ...totals.slice().reverse(), D.revenue, D.available, reported];
  let first = true;
  const u = new uPlot(
    {
      width: 800,
      height: 400,
      scales: {
        x: { time: false, range: (_u, min, max) => [min - 0.5, max + 0.5] },
        y: { range: (_u, min, max) => [Math.min(0, min), max * 1.05] },
      },
      legend: { live: false },
      axes: [
        { space: 40, incrs: [1], grid: { show: false }, values: (_u, ticks) => ticks.map(String) },
        { label: '$ billions per year', size: 60 },
      ],
      series: [
        { label: 'year' },
        ...layers.slice().reverse(),
        { label: 'revenue', stroke: INK, width: 2.5, points: { show: true, size: 6, fill: INK } },
        { label: 'available for commitments', stroke: INK, width: 2, dash: [6, 4], points: { show: false } },
        {
          label: 'reported figures',
          stroke: INK,
          width: 1.5,
          paths: () => null,
          points: { show: true, size: 9, fill: '#FFFFFF' },
        },
      ],
      hooks: {
        draw: [
          () => {
            if (first) {
              first = false;
              performance.mark('chart-drawn');
            }
          },
        ],
      },
    },
    data,
    document.getElementById('chart'),
  );
  window.benchCanvas = u.ctx.canvas;
  // One full redraw of the same data (scales, axes, paths, draw). setData alone redraws in a
  // microtask; inside batch() it redraws before batch returns.
  window.benchRedraw = () => u.batch(() => u.setData(data));
})();
