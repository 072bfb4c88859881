import { type Em, one } from '../../db/sql.js';
import { ALL } from '../auth/scope.rules.js';
import { Language, RoutingStrategy } from '../campaigns/campaign.enums.js';
import { createCampaign } from '../campaigns/campaign.service.js';
import { createUser, createUsers } from '../users/user.service.js';
import { Role } from '../users/user.enums.js';
import { transaction } from '../../db/transaction.js';

export const DEMO_PASSWORD = 'parley-demo';
export const DEMO_USERS = [
  { email: 'admin@demo.parley.dev', name: 'Ada Admin', role: Role.ADMIN },
  { email: 'supervisor@demo.parley.dev', name: 'Sam Supervisor', role: Role.SUPERVISOR },
  { email: 'agent1@demo.parley.dev', name: 'Ana Agent', role: Role.AGENT, languages: ['es', 'en'] },
  { email: 'agent2@demo.parley.dev', name: 'Bruno Agent', role: Role.AGENT, languages: ['pt', 'en'] },
  { email: 'agent3@demo.parley.dev', name: 'Carla Agent', role: Role.AGENT, languages: ['en'] },
];

/** Seeds the demo once: a second run finds the admin and does nothing. Returns whether it seeded. */
export async function seedDemo(em: Em): Promise<boolean> {
  if (await one(em, 'select id from users where email = ?', [DEMO_USERS[0]!.email])) return false;
  // All or nothing: a half-made demo would never be finished, since its admin already exists.
  await transaction(em, (tx) => seedWithin(tx));
  return true;
}

async function seedWithin(em: Em): Promise<void> {
  // The installation's own seed reaches everything.
  const { value: ids } = await createUsers(
    em,
    DEMO_USERS.map((u) => ({ ...u, password: DEMO_PASSWORD })),
    ALL,
  );
  await createCampaign(
    em,
    {
      name: 'Demo webchat',
      routingStrategy: RoutingStrategy.MANUAL,
      timeZone: 'Europe/Madrid',
      defaultLanguage: Language.en,
      memberIds: ids,
      messages: {
        en: {
          welcome: 'Hello! Thanks for writing to us. An agent will be with you shortly.',
          botWelcome: 'Hello! Our assistant will take a few details first, then an agent can help you.',
          outOfHours: 'We are closed right now. Leave us a message and we will get back to you.',
          unavailable: 'All our agents are busy. Please try again in a few minutes.',
          agentGreeting: 'Hi, I am here to help you.',
          offline: 'Leave your message and we will answer by e-mail.',
          closing: 'Thank you for chatting with us. Have a good day!',
        },
        es: {
          welcome: '¡Hola! Gracias por escribirnos. Un agente te atenderá en breve.',
          botWelcome: '¡Hola! Nuestro asistente te pedirá unos datos y luego un agente podrá ayudarte.',
          outOfHours: 'Ahora estamos cerrados. Déjanos un mensaje y te responderemos.',
          unavailable: 'Todos nuestros agentes están ocupados. Inténtalo de nuevo en unos minutos.',
          agentGreeting: 'Hola, estoy aquí para ayudarte.',
          offline: 'Deja tu mensaje y te responderemos por correo.',
          closing: 'Gracias por conversar con nosotros. ¡Que tengas un buen día!',
        },
        pt: {
          welcome: 'Olá! Obrigado por nos escrever. Um agente vai atendê-lo em breve.',
          botWelcome: 'Olá! Nosso assistente vai pedir alguns dados e depois um agente poderá ajudar.',
          outOfHours: 'Estamos fechados agora. Deixe uma mensagem e responderemos.',
          unavailable: 'Todos os nossos agentes estão ocupados. Tente novamente em alguns minutos.',
          agentGreeting: 'Olá, estou aqui para ajudar.',
          offline: 'Deixe sua mensagem e responderemos por e-mail.',
          closing: 'Obrigado pela conversa. Tenha um bom dia!',
        },
      },
    },
    ALL,
  );
}

/** Creates the first administrator from PARLEY_ADMIN_EMAIL / PARLEY_ADMIN_PASSWORD when none exists. */
export async function ensureAdmin(em: Em, email: string, password: string): Promise<boolean> {
  if (await one(em, "select id from users where role = 'ADMIN' limit 1")) return false;
  await createUser(em, { email, name: 'Administrator', password, role: Role.ADMIN }, ALL);
  return true;
}
