import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

export interface SmtpReceiver {
  /** What the API's SMTP_URL points at. */
  url: string;
  /** Every mail received, in order of arrival. */
  inbox: ReceivedMail[];
  /** Answers each mail's data this much later, as a slow mail server does. */
  slow(ms: number): void;
  /** Refuses mail to this address (550), as a server that knows no such mailbox does. */
  refuse(address: string): void;
  close(): Promise<void>;
}

/** A local SMTP server that keeps what it receives, so a test proves a mail went out, where, and what it said. */
export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const inbox: ReceivedMail[] = [];
  let delayMs = 0;
  const refused = new Set<string>();
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo(address, _session, callback) {
      if (refused.has(address.address)) return callback(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: mail.subject ?? '', text: mail.text ?? '', html: String(mail.html ?? '') });
          setTimeout(() => callback(), delayMs);
        })
        .catch(callback);
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  const port = (smtp.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    inbox,
    slow: (ms) => (delayMs = ms),
    refuse: (address) => refused.add(address),
    close: () => new Promise<void>((r) => smtp.close(() => r())),
  };
}
