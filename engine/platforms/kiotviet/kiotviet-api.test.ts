import { describe, expect, it } from 'vitest';
import { fetchKiotVietCustomer } from './kiotviet-api.ts';

interface Seen {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | null;
}

/** A fake transport answering the token URL and GET /customers/{id} from a script. */
function transport(customerAnswers: Response[]) {
  const seen: Seen[] = [];
  let tokens = 0;
  const fake = (async (input: string | URL | Request, init?: RequestInit) => {
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    seen.push({ url: String(input), method: init?.method ?? 'GET', headers, body: typeof init?.body === 'string' ? init.body : null });
    if (String(input).endsWith('/connect/token')) return Response.json({ access_token: `tok-${++tokens}`, expires_in: 86400, token_type: 'Bearer' });
    return customerAnswers.shift() ?? new Response('no more answers', { status: 500 });
  }) as typeof fetch;
  return { fake, seen };
}

const api = (fake: typeof fetch, clientId = `client-${Math.random()}`) => ({
  apiBaseUrl: 'https://public.kiotapi.example/',
  tokenUrl: 'https://id.kiotviet.example/connect/token',
  clientId,
  clientSecret: 'shh',
  retailer: 'flowdeskdemo',
  fetch: fake,
  now: () => 1_700_000_000_000,
});

describe('KiotViet Public API client', () => {
  it('gets a client-credentials token, then the customer with Bearer and Retailer headers', async () => {
    const { fake, seen } = transport([Response.json({ id: 3101234, name: 'Lê Minh Châu', email: 'chau@example.vn', contactNumber: '0912345678' })]);
    const customer = await fetchKiotVietCustomer(api(fake, 'client-a'), '3101234');
    expect(customer).toMatchObject({ id: '3101234', email: 'chau@example.vn', contactNumber: '0912345678' });
    expect(seen[0]).toMatchObject({ url: 'https://id.kiotviet.example/connect/token', method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(Object.fromEntries(new URLSearchParams(seen[0]!.body!))).toEqual({ scopes: 'PublicApi.Access', grant_type: 'client_credentials', client_id: 'client-a', client_secret: 'shh' });
    expect(seen[1]).toMatchObject({ url: 'https://public.kiotapi.example/customers/3101234', headers: { authorization: 'Bearer tok-1', retailer: 'flowdeskdemo' } });
  });

  it('reuses the token, and asks for a new one once when it is refused', async () => {
    const { fake, seen } = transport([
      Response.json({ id: 1 }),
      Response.json({ responseStatus: { errorCode: 'Unauthorized', message: 'expired' } }, { status: 401 }),
      Response.json({ id: 1 }),
    ]);
    const a = api(fake);
    await fetchKiotVietCustomer(a, '1');
    await fetchKiotVietCustomer(a, '1');
    expect(seen.map((s) => s.url.split('/').pop())).toEqual(['token', '1', '1', 'token', '1']);
    expect(seen[4]!.headers['authorization']).toBe('Bearer tok-2');
  });

  it('reads a deleted customer as none, and other failures as errors that say what KiotViet said', async () => {
    const gone = transport([Response.json({ responseStatus: { errorCode: 'NotFound', message: 'Không tìm thấy khách hàng' } }, { status: 404 })]);
    await expect(fetchKiotVietCustomer(api(gone.fake), '9')).resolves.toBeNull();
    const broken = transport([Response.json({ responseStatus: { errorCode: 'BadRequest', message: 'Retailer không tồn tại' } }, { status: 400 })]);
    await expect(fetchKiotVietCustomer(api(broken.fake), '9')).rejects.toThrow('KiotViet GET /customers/9 answered HTTP 400: BadRequest Retailer không tồn tại');
  });
});
