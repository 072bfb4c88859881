import type { Config } from '../../shared/config.js';

/** Where uploaded bytes live beyond PostgreSQL: an S3-compatible store every API process reaches. */
export interface ObjectStore {
  put(id: string, bytes: Buffer, mime: string): Promise<void>;
  get(id: string): Promise<Buffer | null>;
}

/**
 * The S3-compatible store of `FILE_STORE=s3`. The SDK is loaded only then, so deployments that keep
 * files in PostgreSQL never load it. Checksums are sent only where S3 requires them: several
 * S3-compatible servers refuse the SDK's newer default ones.
 */
export async function s3Store(config: Config): Promise<ObjectStore> {
  const { S3Client, PutObjectCommand, GetObjectCommand, NoSuchKey } = await import('@aws-sdk/client-s3');
  const client = new S3Client({
    region: config.S3_REGION,
    ...(config.S3_ENDPOINT ? { endpoint: config.S3_ENDPOINT, forcePathStyle: true } : {}),
    ...(config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY ? { credentials: { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY } } : {}),
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const key = (id: string) => `${config.S3_PREFIX}${id}`;
  return {
    async put(id, bytes, mime) {
      await client.send(new PutObjectCommand({ Bucket: config.S3_BUCKET, Key: key(id), Body: bytes, ContentType: mime }));
    },
    async get(id) {
      try {
        const found = await client.send(new GetObjectCommand({ Bucket: config.S3_BUCKET, Key: key(id) }));
        return found.Body ? Buffer.from(await found.Body.transformToByteArray()) : null;
      } catch (err) {
        if (err instanceof NoSuchKey) return null;
        throw err;
      }
    },
  };
}
