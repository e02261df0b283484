// GET /api/report: only with the bearer token, only with a day to start from.
import { describe, expect, it } from 'vitest';
import { handleReport } from '../../src/coordinator/report-endpoint.js';
import { reportFromStore } from '../../src/coordinator/report-store.js';
import { MemoryDocumentStore } from '../../src/platform/file-store.js';

const store = new MemoryDocumentStore();
const load = (since: string) => reportFromStore(store, since);

const CASES: [string, string, string | undefined, unknown, number][] = [
  ['no token configured: refused for everyone', '', 'Bearer x', { since: '2026-01-01' }, 403],
  ['no authorization header', 's3cret', undefined, { since: '2026-01-01' }, 401],
  ['a wrong token', 's3cret', 'Bearer s3cre', { since: '2026-01-01' }, 401],
  ['the token as a query parameter does not count', 's3cret', undefined, { since: '2026-01-01', token: 's3cret' }, 401],
  ['no since', 's3cret', 'Bearer s3cret', {}, 400],
  ['a since that is not a day', 's3cret', 'Bearer s3cret', { since: '2026-13-01' }, 400],
  ['the token and a day', 's3cret', 'Bearer s3cret', { since: '2026-01-01' }, 200],
  ['the scheme in lower case', 's3cret', 'bearer s3cret', { since: '2026-01-01' }, 200],
];

describe('GET /api/report', () => {
  it.each(CASES)('%s', async (_name, token, authorization, query, status) => {
    const response = await handleReport(token, authorization, query, load);
    expect(response.status).toBe(status);
    if (status === 200) expect(response.body).toMatchObject({ since: '2026-01-01', unanswered: { total: 0 }, tickets: { open: 0, answered: 0 } });
    else expect(response.body).toHaveProperty('error');
  });
});
