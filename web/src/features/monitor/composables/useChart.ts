import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration, type ChartType } from 'chart.js';
import { onBeforeUnmount, onMounted, watch, type Ref } from 'vue';

// Only the pieces the monitor draws (bars and lines on an hour axis): Chart.js tree-shakes the rest away.
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

/**
 * A Chart.js chart on a canvas, redrawn in place whenever its data or options change (new figures,
 * another language, light turned dark) and destroyed with the component. Chart.js follows the
 * canvas's box as the window narrows. The config must be plain objects: Chart.js mutates what it is
 * given, and a reactive proxy would make every one of its writes a Vue update.
 */
export function useChart<T extends ChartType>(canvas: Ref<HTMLCanvasElement | null>, config: () => ChartConfiguration<T>): void {
  let chart: Chart<T> | null = null;
  // The canvas may come and go (shown only once there are figures): a chart per canvas.
  const attach = (el: HTMLCanvasElement | null) => {
    chart?.destroy();
    chart = el ? new Chart(el, config()) : null;
  };
  watch(canvas, attach, { flush: 'post' });
  onMounted(() => {
    if (canvas.value && !chart) attach(canvas.value);
  });
  watch(config, (next) => {
    if (!chart) return;
    chart.data = next.data;
    if (next.options) chart.options = next.options;
    chart.update();
  });
  onBeforeUnmount(() => attach(null));
}
