import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from './logger.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * Outgoing e-mail over SMTP (`SMTP_URL`). Without it, as on a developer's machine, a message is
 * written to the log instead of sent, so the features that mail still work end to end.
 */
export class Mailer {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string | undefined,
    private readonly from: string,
    private readonly log: Logger,
  ) {
    this.transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : nodemailer.createTransport({ jsonTransport: true });
    this.sendsForReal = !!smtpUrl;
  }

  readonly sendsForReal: boolean;

  async send(mail: Mail): Promise<void> {
    const info = await this.transport.sendMail({ from: this.from, ...mail });
    if (!this.sendsForReal) this.log.info({ to: mail.to, subject: mail.subject }, 'e-mail not sent (SMTP_URL is not set); it would have been: %s', info.message);
  }

  close(): void {
    this.transport.close();
  }
}
