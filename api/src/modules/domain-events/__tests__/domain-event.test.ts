import { beforeEach, describe, expect, it } from 'vitest';
import type { Deps } from '../../../shared/deps.js';
import type { InteractionView } from '../../interactions/interaction.view.js';
import { changed, type DomainEvent } from '../domain-event.js';
import { Dispatcher, dispatched } from '../dispatcher.js';

const chat = (phase: string, agentId: string | null): InteractionView => ({ id: 'i-1', phase, agent: agentId ? { id: agentId } : null, campaign: { id: 'c-1' } }) as unknown as InteractionView;
const kinds = (events: DomainEvent[]) => events.map((e) => (e.kind === 'INTERACTION_CHANGED' ? e.kind : `${e.kind}:${'agentId' in e ? e.agentId : 'campaignId' in e ? e.campaignId : ''}`));

describe('what a chat’s change causes', () => {
  it('routes a chat that now waits, and frees the agent who no longer holds it', () => {
    expect(kinds(changed(chat('WAITING', null), chat('IN_SERVICE', 'ana')))).toEqual(['INTERACTION_CHANGED', 'CHAT_WAITING:c-1', 'AGENT_CAPACITY:ana']);
  });

  it('frees the agent of a closed chat, which keeps its agent', () => {
    expect(kinds(changed(chat('CLOSED', 'ana'), chat('IN_SERVICE', 'ana')))).toEqual(['INTERACTION_CHANGED', 'AGENT_CAPACITY:ana']);
  });

  it('moves the state of the agent who took it', () => {
    expect(kinds(changed(chat('IN_SERVICE', 'bruno'), chat('WAITING', null)))).toEqual(['INTERACTION_CHANGED', 'AGENT_STATE:bruno']);
  });

  it('causes nothing more when the chat stays with its agent', () => {
    expect(kinds(changed(chat('IN_SERVICE', 'ana'), chat('IN_SERVICE', 'ana')))).toEqual(['INTERACTION_CHANGED']);
  });

  it('routes a chat that starts waiting', () => {
    expect(kinds(changed(chat('WAITING', null), null))).toEqual(['INTERACTION_CHANGED', 'CHAT_WAITING:c-1']);
  });
});

describe('the dispatcher', () => {
  const logged: unknown[] = [];
  beforeEach(() => void (logged.length = 0));
  const deps = { log: { error: (...args: unknown[]) => logged.push(args) } } as unknown as Deps;
  const event: DomainEvent = { kind: 'CHAT_WAITING', campaignId: 'c-1' };

  it('runs the listeners one after another in the order given, each finishing before the next', async () => {
    const heard: string[] = [];
    const slow = async () => {
      await new Promise((r) => setTimeout(r, 20));
      heard.push('publish');
    };
    const dispatcher = new Dispatcher([
      ['publish', slow, 'TELL'],
      ['routing', async () => void heard.push('routing'), 'LOG'],
      ['agent state', async () => void heard.push('agent state'), 'LOG'],
    ]);
    await dispatched({ ...deps, dispatcher } as Deps, { value: 1, events: [event] });
    expect(heard).toEqual(['publish', 'routing', 'agent state']);
  });

  it('runs the next listener after one fails, and tells the caller when a publish failed, so it retries', async () => {
    const heard: string[] = [];
    const dispatcher = new Dispatcher([
      ['publish', async () => Promise.reject(new Error('Redis is down')), 'TELL'],
      ['routing', async () => void heard.push('routing'), 'LOG'],
    ]);
    await expect(dispatched({ ...deps, dispatcher } as Deps, { value: 'committed', events: [event] })).rejects.toThrow('Redis is down');
    expect(heard).toEqual(['routing']);
    expect(logged).toHaveLength(1);
  });

  it('only logs a failure of a listener whose work the next event does again', async () => {
    const dispatcher = new Dispatcher([['routing', async () => Promise.reject(new Error('deadlock')), 'LOG']]);
    await expect(dispatched({ ...deps, dispatcher } as Deps, { value: 'kept', events: [event] })).resolves.toBe('kept');
    expect(logged).toHaveLength(1);
  });

  it('calls nobody for a commit that caused nothing', async () => {
    let called = false;
    await new Dispatcher([['publish', async () => void (called = true), 'TELL']]).dispatch(deps, []);
    expect(called).toBe(false);
  });
});
