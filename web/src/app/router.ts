import { watch } from 'vue';
import { createRouter, createWebHistory, type Router } from 'vue-router';
import { sessionToken } from '../shared/session/token';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean;
  }
}

export function createAppRouter(): Router {
  const router = createRouter({
    history: createWebHistory(),
    routes: [
      { path: '/', redirect: () => (sessionToken.value ? { name: 'inbox' } : { name: 'signin' }) },
      { path: '/signin', name: 'signin', component: () => import('../features/auth/SignInView.vue'), meta: { public: true } },
      // The open chat is part of the address, so it can be linked and survives a reload.
      { path: '/inbox/:id?', name: 'inbox', component: () => import('../features/inbox/InboxView.vue') },
      { path: '/contacts', name: 'contacts', component: () => import('../features/contacts/ContactsView.vue') },
      { path: '/offline-messages', name: 'offline-messages', component: () => import('../features/offline-messages/OfflineMessagesView.vue') },
      { path: '/monitor', name: 'monitor', component: () => import('../features/monitor/MonitorView.vue') },
      { path: '/admin/:section?', name: 'admin', component: () => import('../features/admin/AdminView.vue') },
      { path: '/:unknown(.*)*', redirect: '/' },
    ],
  });

  router.beforeEach((to) => {
    if (!to.meta.public && !sessionToken.value) return { name: 'signin', query: { next: to.fullPath } };
    if (to.name === 'signin' && sessionToken.value) return { name: 'inbox' };
    return true;
  });

  // The session can end outside navigation: a rejected token, a sign-out in another tab.
  watch(sessionToken, (token) => {
    if (!token && !router.currentRoute.value.meta.public) void router.replace({ name: 'signin' });
  });

  return router;
}
