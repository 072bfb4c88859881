import { describe, expect, it, vi } from 'vitest';

const query = vi.fn();
vi.mock('@vue/apollo-composable', () => ({ useApolloClient: () => ({ resolveClient: () => ({ query }) }) }));

const { useAttachmentLinks } = await import('../useAttachmentLinks');

const NOW_S = Math.floor(Date.now() / 1000);
const attachment = (expires: number) => ({ id: 'f1', name: 'a.png', mime: 'image/png', size: 1, durationSeconds: null, url: `/files/f1?expires=${expires}&signature=s` });
const message = (expires: number) => ({ interactionId: 'i1', sequence: 7, attachments: [attachment(expires)] });

describe('keeping attachment links working', () => {
  it('fetches that one message again when its link has expired, and swaps the fresh link in', async () => {
    query.mockResolvedValueOnce({ data: { messages: [message(NOW_S + 3600)] } });
    const links = useAttachmentLinks(() => message(NOW_S - 5));
    await links.refresh();
    expect(query).toHaveBeenCalledWith(expect.objectContaining({ variables: { interactionId: 'i1', afterSequence: 6, first: 1 } }));
    expect(links.urlOf(attachment(NOW_S - 5))).toBe(`/files/f1?expires=${NOW_S + 3600}&signature=s`);
  });

  it('leaves a link with time left alone, even when it failed', async () => {
    query.mockClear();
    const links = useAttachmentLinks(() => message(NOW_S + 3600));
    await links.refresh();
    expect(query).not.toHaveBeenCalled();
  });
});
