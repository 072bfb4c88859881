import { describe, expect, it } from 'vitest';
import { insertText } from '../draft';

describe('inserting into the draft', () => {
  it('replaces the selected range and puts the cursor after the text', () => {
    expect(insertText('Hi /tha', 3, 7, 'Thank you.')).toEqual({ draft: 'Hi Thank you.', cursor: 13 });
  });

  it('inserts at the cursor and keeps what follows it', () => {
    expect(insertText('ab', 1, 1, '😀')).toEqual({ draft: 'a😀b', cursor: 3 });
  });
});
