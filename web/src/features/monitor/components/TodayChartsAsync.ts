import { defineAsyncComponent } from 'vue';

/** Chart.js is most of the charts' weight (about 60 kB gzipped): its own chunk, fetched once the dashboard has painted. */
export default defineAsyncComponent(() => import('./TodayCharts.vue'));
