import type { Component } from 'vue';
import { defineAsyncComponent } from 'vue';

/** The administration sections, in menu order; the key is the URL's `/admin/:section`. */
export const SECTIONS = ['campaigns', 'groups', 'trays', 'users', 'pauses', 'labels', 'apiKeys', 'webhooks', 'offline', 'report'] as const;
export type Section = (typeof SECTIONS)[number];

/** The section an address names, or the first one for a bare or unknown `/admin`. */
export function sectionOf(param: unknown): Section {
  return (SECTIONS as readonly unknown[]).includes(param) ? (param as Section) : 'campaigns';
}

export const SECTION_VIEWS: Record<Section, Component> = {
  campaigns: defineAsyncComponent(() => import('./campaigns/CampaignsSection.vue')),
  groups: defineAsyncComponent(() => import('./groups/SecurityGroupsSection.vue')),
  trays: defineAsyncComponent(() => import('./trays/TraysSection.vue')),
  users: defineAsyncComponent(() => import('./people/PeopleSection.vue')),
  pauses: defineAsyncComponent(() => import('./pauses/PauseReasonsSection.vue')),
  labels: defineAsyncComponent(() => import('./labels/LabelsSection.vue')),
  apiKeys: defineAsyncComponent(() => import('./integrations/ApiKeysSection.vue')),
  webhooks: defineAsyncComponent(() => import('./integrations/WebhooksSection.vue')),
  offline: defineAsyncComponent(() => import('./offline/OfflineSection.vue')),
  report: defineAsyncComponent(() => import('./report/ReportSection.vue')),
};
