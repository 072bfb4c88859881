/**
 * Transcripts by e-mail over real SMTP: a server started by the test receives them, in the contact's
 * language, with times and authors, and without internal messages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpReceiver, type SmtpReceiver } from './support/smtp.js';
import { type ApiProcess, startApi } from './support/api.js';
import { expectCode, gql, ok } from './support/graphql.js';
import { adminToken, type CampaignFixture, createCampaign, createPerson, type Person, PNG_1PX, POST, uploadFile } from './support/world.js';

let smtp: SmtpReceiver;
let api: ApiProcess;
let admin: string;
let agent: Person;
let stranger: Person;
let campaign: CampaignFixture;

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  api = await startApi({ SMTP_URL: smtp.url, SMTP_FROM: 'Parley <transcripts@tests.parley.dev>' });
  admin = await adminToken(api.url);
  agent = await createPerson(api.url, admin, 'AGENT');
  stranger = await createPerson(api.url, admin, 'AGENT');
  campaign = await createCampaign(api.url, admin, { timeZone: 'America/Sao_Paulo' });
});

afterAll(async () => {
  await api?.stop();
  await smtp?.close();
});

const START = 'mutation($i: StartInteractionInput!) { startInteraction(input: $i) { visitorToken interaction { id protocol } } }';
const SEND = 'mutation($id: ID!, $to: String) { sendTranscript(interactionId: $id, to: $to) { to } }';

async function conversation(contact: Record<string, unknown>, language: string) {
  const started = (await ok(api.url, START, { i: { campaignId: campaign.id, channel: 'WEBCHAT', contact, language } })).startInteraction;
  const id = started.interaction.id;
  await ok(api.url, 'mutation($id: ID!) { takeInteraction(id: $id) { id } }', { id }, agent.token);
  await ok(api.url, POST, { input: { interactionId: id, body: 'Preciso de ajuda com a fatura' } }, started.visitorToken);
  const file = (await uploadFile(api.url, started.visitorToken, PNG_1PX, 'fatura.png')).body;
  await ok(api.url, POST, { input: { interactionId: id, body: 'Segue a fatura', attachmentIds: [file.id] } }, started.visitorToken);
  await ok(api.url, POST, { input: { interactionId: id, body: 'Claro, já vejo isso' } }, agent.token);
  await ok(api.url, POST, { input: { interactionId: id, body: 'nota interna: cliente VIP', internal: true } }, agent.token);
  return { id, protocol: started.interaction.protocol };
}

describe('sendTranscript', () => {
  it("mails the conversation to the contact in the contact's language, with times and authors, without internal messages", async () => {
    const chat = await conversation({ name: 'Ana', email: 'ana@cliente.example' }, 'pt-BR');
    expect((await ok(api.url, SEND, { id: chat.id }, agent.token)).sendTranscript).toEqual({ to: 'ana@cliente.example' });
    await expect.poll(() => smtp.inbox.length, { timeout: 5000 }).toBe(1);
    const mail = smtp.inbox[0]!;
    expect(mail.to).toEqual(['ana@cliente.example']);
    expect(mail.subject).toBe(`A sua conversa com ${campaign.name} (${chat.protocol})`);
    expect(mail.text).toContain('Você: Preciso de ajuda com a fatura');
    expect(mail.text).toMatch(/\d{2}:\d{2}/);
    expect(mail.text).toContain('Claro, já vejo isso');
    expect(mail.text).not.toContain('cliente VIP');
    // The attachment travels as a link that works without signing in.
    const link = /Anexo: \S*(\/files\/\S+)/.exec(mail.text)?.[1];
    expect(link).toBeDefined();
    expect((await fetch(`${api.url}${link}`)).status).toBe(200);
    expect(mail.html).toContain('Claro, já vejo isso');
    const trail = (await ok(api.url, 'query($id: ID!) { interaction(id: $id) { events { type data } } }', { id: chat.id }, agent.token)).interaction.events;
    expect(trail.filter((e: any) => e.type === 'TRANSCRIPT_SENT').map((e: any) => e.data.to)).toEqual(['ana@cliente.example']);
  });

  it('goes to an address typed in instead, and refuses a missing or malformed one, or a chat the sender cannot see', async () => {
    const chat = await conversation({ name: 'Sem e-mail' }, 'es');
    expectCode(await gql(api.url, SEND, { id: chat.id }, agent.token), 'BAD_USER_INPUT');
    expectCode(await gql(api.url, SEND, { id: chat.id, to: 'not-an-address' }, agent.token), 'BAD_USER_INPUT');
    expectCode(await gql(api.url, SEND, { id: chat.id, to: 'x@y.example' }, stranger.token), 'NOT_FOUND');
    const before = smtp.inbox.length;
    expect((await ok(api.url, SEND, { id: chat.id, to: ' Jefe@Empresa.example ' }, agent.token)).sendTranscript).toEqual({ to: 'jefe@empresa.example' });
    await expect.poll(() => smtp.inbox.length, { timeout: 5000 }).toBe(before + 1);
    expect(smtp.inbox.at(-1)!.subject).toBe(`Tu conversación con ${campaign.name} (${chat.protocol})`);
  });
});
