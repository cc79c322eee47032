// The app's own commitments chart (components::chart_panel::draw, plotters + plotters-canvas),
// from the benchmark build of the app's library (bench/wasm), on an 800x400 CSS-pixel canvas
// whose backing store is sized for devicePixelRatio as the page does. Also exposes the app's
// Monte Carlo and projection for timing. `?build=speed` loads the opt-level 3 build instead of
// the page's size-first one; `?build=base` another build of the app (`bench/run.mjs --baseline`).
const build = new URLSearchParams(location.search).get('build');
const dir = { speed: './pkg-speed/', base: './pkg-base/' }[build] ?? './pkg/';
const { default: init, Bench } = await import(`${dir}cc_bench_wasm.js`);

await init();
const canvas = document.getElementById('chart');
const dpr = window.devicePixelRatio || 1;
canvas.width = Math.round(800 * dpr);
canvas.height = Math.round(400 * dpr);
const bench = new Bench(10000);
if (!bench.draw_commitments(canvas, dpr)) throw new Error('the chart did not draw');
performance.mark('chart-drawn');
window.benchCanvas = canvas;
window.benchRedraw = () => bench.draw_commitments(canvas, dpr);
window.benchMonteCarlo = () => bench.monte_carlo();
window.benchProject = (times) => bench.project(times);
