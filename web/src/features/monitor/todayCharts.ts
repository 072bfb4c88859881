import type { ChartConfiguration } from 'chart.js';
import type { TodayRow } from './todayRules';

/** The theme colours the charts use, from Naive UI's theme variables, so light and dark both read. */
export interface ChartTheme {
  text: string;
  grid: string;
  received: string;
  answered: string;
  abandoned: string;
  level: string;
}

export interface ChartTexts {
  received: string;
  answered: string;
  abandoned: string;
  serviceLevel: string;
}

const reducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Axes and legend on an hour axis; `percent` fixes the scale at 0-100 %. */
function frame(theme: ChartTheme, percent: boolean) {
  return {
    responsive: true,
    // The canvas takes its box's height, so it follows the layout rather than a fixed aspect.
    maintainAspectRatio: false,
    animation: reducedMotion() ? (false as const) : { duration: 250 },
    interaction: { mode: 'index' as const, intersect: false },
    plugins: { legend: { position: 'bottom' as const, labels: { color: theme.text, boxWidth: 12, font: { size: 11 } } } },
    scales: {
      x: { ticks: { color: theme.text, font: { size: 10 }, maxRotation: 0, autoSkipPadding: 8 }, grid: { display: false }, border: { color: theme.grid } },
      y: {
        beginAtZero: true,
        max: percent ? 100 : undefined,
        ticks: { color: theme.text, font: { size: 10 }, precision: 0, callback: (v: string | number) => (percent ? `${v}%` : `${v}`) },
        grid: { color: theme.grid },
        border: { display: false },
      },
    },
  };
}

/** Chats received, answered and abandoned per hour, as grouped bars. */
export function volumesChart(rows: readonly TodayRow[], theme: ChartTheme, texts: ChartTexts): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: {
      labels: rows.map((r) => r.label),
      datasets: [
        { label: texts.received, data: rows.map((r) => r.received), backgroundColor: theme.received },
        { label: texts.answered, data: rows.map((r) => r.answered), backgroundColor: theme.answered },
        { label: texts.abandoned, data: rows.map((r) => r.abandoned), backgroundColor: theme.abandoned },
      ],
    },
    options: frame(theme, false),
  };
}

/** The service level per hour as a line; an hour where nothing counted is a gap, not a fall to zero. */
export function levelChart(rows: readonly TodayRow[], theme: ChartTheme, texts: ChartTexts): ChartConfiguration<'line'> {
  const base = frame(theme, true);
  return {
    type: 'line',
    data: {
      labels: rows.map((r) => r.label),
      datasets: [{ label: texts.serviceLevel, data: rows.map((r) => r.serviceLevel), borderColor: theme.level, backgroundColor: theme.level, pointRadius: 4, spanGaps: false }],
    },
    options: { ...base, plugins: { ...base.plugins, tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${c.parsed.y}%` } } } },
  };
}
