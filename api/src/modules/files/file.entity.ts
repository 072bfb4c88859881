import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { newId } from '../../shared/ids.js';

/** An upload: its bytes, the type read from them, and, once sent, the message it belongs to. */
@Entity({ tableName: 'files' })
export class FileEntity {
  @PrimaryKey({ type: 'uuid' }) id: string = newId();
  /** The author who uploaded it ("user:<id>", "visitor:<interaction>", "key:<id>"); only they may attach it. */
  @Property({ type: 'text' }) ownerKey!: string;
  @Property({ type: 'uuid', nullable: true }) interactionId: string | null = null;
  @Index() @Property({ type: 'uuid', nullable: true }) messageId: string | null = null;
  @Property({ type: 'text' }) name!: string;
  @Property({ type: 'text' }) mime!: string;
  @Property({ type: 'int' }) size!: number;
  @Property({ type: 'real', nullable: true }) durationSeconds: number | null = null;
  /** The bytes, unless they live in an S3-compatible store. */
  @Property({ type: 'blob', lazy: true, nullable: true }) data: Buffer | null = null;
  @Property({ type: 'timestamptz' }) createdAt: Date = new Date();
}

/** Secrets every API process must share (the key that signs download links), made once by the first. */
@Entity({ tableName: 'app_secrets' })
export class AppSecretEntity {
  @PrimaryKey({ type: 'text' }) name!: string;
  @Property({ type: 'text' }) value!: string;
}
