import type { Db } from '../database.ts';
import type { Address, Customer } from '../../contract/index.ts';
import { parseStored } from '../../shared/json.ts';

interface RawRow {
  id: string;
  email: string | null;
  email_verified: number;
  name: string | null;
  phone: string | null;
  address: string | null;
  tags: string;
  zalo_user_id: string | null;
  messenger_psid: string | null;
  zalo_interacted_at: string | null;
  messenger_interacted_at: string | null;
  fields: string;
  sequences: string;
  created_at: string;
  updated_at: string;
}

const toCustomer = (r: RawRow): Customer => ({
  id: r.id,
  email: r.email,
  emailVerified: r.email_verified === 1,
  name: r.name,
  phone: r.phone,
  address: parseStored<Address | null>(r.address, null),
  tags: parseStored<string[]>(r.tags, []),
  zaloUserId: r.zalo_user_id,
  messengerPsid: r.messenger_psid,
  zaloInteractedAt: r.zalo_interacted_at,
  messengerInteractedAt: r.messenger_interacted_at,
  fields: parseStored<Customer['fields']>(r.fields, {}),
  sequences: parseStored<string[]>(r.sequences, []),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** "+84 90-000-0001" and "0900000001" are one phone: digits only, +84 as a leading 0. */
export function phoneKey(phone: string): string | null {
  let digits = phone.replace(/\D/g, '');
  if (digits.startsWith('84') && digits.length >= 11) digits = `0${digits.slice(2)}`;
  return digits.length >= 6 ? digits : null;
}

export function createCustomersRepo(db: Db) {
  const byEmail = db.prepare('SELECT * FROM customers WHERE email = ?');
  const byPhoneKey = db.prepare('SELECT * FROM customers WHERE phone_key = ? AND email IS NULL ORDER BY created_at LIMIT 1');
  const byId = db.prepare('SELECT * FROM customers WHERE id = ?');
  const insert = db.prepare(`INSERT INTO customers (id, email, email_verified, name, phone, address, tags,
      zalo_user_id, messenger_psid, zalo_interacted_at, messenger_interacted_at, fields, sequences, created_at, updated_at, phone_key)
    VALUES (@id, @email, @emailVerified, @name, @phone, @address, @tags, @zaloUserId, @messengerPsid, @zaloInteractedAt, @messengerInteractedAt,
      @fields, @sequences, @createdAt, @updatedAt, @phoneKey)`);
  const update = db.prepare(`UPDATE customers SET email_verified = @emailVerified, name = @name, phone = @phone,
      address = @address, tags = @tags, zalo_user_id = @zaloUserId, messenger_psid = @messengerPsid,
      zalo_interacted_at = @zaloInteractedAt, messenger_interacted_at = @messengerInteractedAt, fields = @fields, sequences = @sequences,
      updated_at = @updatedAt, phone_key = @phoneKey WHERE id = @id`);
  const search = db.prepare(`SELECT * FROM customers
    WHERE @q IS NULL OR email LIKE @like OR name LIKE @like OR phone LIKE @like OR phone_key LIKE @keyLike
    ORDER BY updated_at DESC LIMIT @limit`);

  // orders_customer (migration 0019): a customer's orders from every platform, newest first.
  const orderIds = db.prepare('SELECT id FROM orders WHERE customer_id = ? ORDER BY created_at DESC, id DESC LIMIT ?');

  const toParams = (c: Customer) => ({
    ...c,
    emailVerified: c.emailVerified ? 1 : 0,
    address: c.address ? JSON.stringify(c.address) : null,
    tags: JSON.stringify(c.tags),
    fields: JSON.stringify(c.fields),
    sequences: JSON.stringify(c.sequences),
    phoneKey: c.phone ? phoneKey(c.phone) : null,
  });

  return {
    getByEmail(email: string): Customer | undefined {
      const r = byEmail.get(email.toLowerCase()) as RawRow | undefined;
      return r && toCustomer(r);
    },
    /** A customer known only by phone (no email), by the phone's digits. */
    getByPhone(phone: string): Customer | undefined {
      const key = phoneKey(phone);
      if (!key) return undefined;
      const r = byPhoneKey.get(key) as RawRow | undefined;
      return r && toCustomer(r);
    },
    get(id: string): Customer | undefined {
      const r = byId.get(id) as RawRow | undefined;
      return r && toCustomer(r);
    },
    insert(c: Customer): void {
      insert.run(toParams(c));
    },
    update(c: Customer): void {
      update.run(toParams(c));
    },
    /** The ids of the customer's orders, every platform's, newest first. */
    orderIds(customerId: string, limit = 1000): string[] {
      return (orderIds.all(customerId, limit) as { id: string }[]).map((r) => r.id);
    },
    search(query: string | undefined, limit: number): Customer[] {
      const q = query && query.length > 0 ? query : null;
      // A phone typed another way ("+84 912 345 678" for "0912345678") is found by its digits.
      const key = q === null ? null : phoneKey(q);
      return (search.all({ q, like: q === null ? null : `%${q}%`, keyLike: key === null ? null : `%${key}%`, limit }) as RawRow[]).map(toCustomer);
    },
  };
}
export type CustomersRepo = ReturnType<typeof createCustomersRepo>;
