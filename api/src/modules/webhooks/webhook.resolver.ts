import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { dispatched } from '../domain-events/dispatcher.js';
import { requireAdmin } from '../auth/guards.js';
import { scopeOf, type Viewer } from '../auth/viewer.js';
import { createWebhook, deleteWebhook, deliveriesOf, listWebhooks, ping, redeliver, requireHookInScope, setWebhookActive } from './webhook.service.js';
import { CreatedWebhook, CreateWebhookInput, Webhook, WebhookDelivery } from './webhook.type.js';

/** Who is behind a new hook: the person, or the key whose creator it then inherits. */
const creatorOf = (viewer: Viewer) => (viewer.kind === 'USER' ? { userId: viewer.userId } : viewer.kind === 'API_KEY' ? { keyId: viewer.keyId } : null);

@Resolver()
export class WebhookResolver {
  @Query(() => [Webhook], { description: 'Administrators' })
  async webhooks(@Ctx() ctx: Context): Promise<Webhook[]> {
    requireAdmin(ctx.viewer);
    return listWebhooks(ctx.em, scopeOf(ctx.viewer));
  }

  @Query(() => [WebhookDelivery], { description: "Administrators: a hook's delivery log, newest first" })
  async webhookDeliveries(@Arg('webhookId', () => ID) webhookId: string, @Arg('first', () => Int, { defaultValue: 50 }) first: number, @Ctx() ctx: Context): Promise<WebhookDelivery[]> {
    requireAdmin(ctx.viewer);
    await requireHookInScope(ctx.em, scopeOf(ctx.viewer), webhookId);
    return deliveriesOf(ctx.em, webhookId, first);
  }

  @Mutation(() => CreatedWebhook, { description: 'Administrators: events from now on are sent to the URL, signed with the secret shown here once' })
  async createWebhook(@Arg('input', () => CreateWebhookInput) input: CreateWebhookInput, @Ctx() ctx: Context): Promise<CreatedWebhook> {
    requireAdmin(ctx.viewer);
    return dispatched(
      ctx.deps,
      createWebhook(
        ctx.em,
        input.url.trim(),
        input.eventTypes ?? [],
        input.campaignIds ?? [],
        scopeOf(ctx.viewer),
        ctx.deps.config.WEBHOOK_ALLOW_PRIVATE,
        creatorOf(ctx.viewer),
        input.since ? { at: input.since, retentionDays: ctx.deps.config.FEED_RETENTION_DAYS } : null,
      ),
    );
  }

  @Mutation(() => WebhookDelivery, { description: 'Administrators: sends a delivery again, now, as a new series of attempts under the same event id' })
  async redeliverWebhook(@Arg('deliveryId', () => ID) deliveryId: string, @Ctx() ctx: Context): Promise<WebhookDelivery> {
    requireAdmin(ctx.viewer);
    return dispatched(ctx.deps, redeliver(ctx.em, scopeOf(ctx.viewer), deliveryId));
  }

  @Mutation(() => WebhookDelivery, { description: 'Administrators: a signed test request (type PING) to the hook, logged like any delivery' })
  async pingWebhook(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<WebhookDelivery> {
    requireAdmin(ctx.viewer);
    await requireHookInScope(ctx.em, scopeOf(ctx.viewer), id);
    return dispatched(ctx.deps, ping(ctx.em, id));
  }

  @Mutation(() => Webhook, { description: 'Administrators: turn a hook off, or on again (it then sends what waited)' })
  async setWebhookActive(@Arg('id', () => ID) id: string, @Arg('active', () => Boolean) active: boolean, @Ctx() ctx: Context): Promise<Webhook> {
    requireAdmin(ctx.viewer);
    await requireHookInScope(ctx.em, scopeOf(ctx.viewer), id);
    return dispatched(ctx.deps, setWebhookActive(ctx.em, id, active));
  }

  @Mutation(() => Boolean, { description: 'Administrators' })
  async deleteWebhook(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
    requireAdmin(ctx.viewer);
    await requireHookInScope(ctx.em, scopeOf(ctx.viewer), id);
    await deleteWebhook(ctx.em, id);
    return true;
  }
}
