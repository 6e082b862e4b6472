import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Contact } from '@switchboard/contracts';

export interface NewContact {
  name: string;
  phone?: string | null;
  email?: string | null;
}

/** Customers. A phone number identifies one contact (WhatsApp); otherwise each start is a new one. */
@Injectable()
export class ContactsService {
  /**
   * An existing contact (same phone) is returned as it is: whoever starts a conversation with a
   * known number may not change that customer's details (only staff who see one of its
   * conversations may edit a contact).
   */
  async findOrCreate(tx: EntityManager, c: NewContact): Promise<Contact> {
    if (c.phone) {
      const rows: Contact[] = await tx.query(
        `INSERT INTO contacts (name, phone, email) VALUES ($1, $2, $3)
         ON CONFLICT (phone) WHERE phone IS NOT NULL DO UPDATE SET phone = contacts.phone
         RETURNING id, name, phone, email`,
        [c.name, c.phone, c.email ?? null],
      );
      return rows[0];
    }
    const rows: Contact[] = await tx.query(
      `INSERT INTO contacts (name, email) VALUES ($1, $2) RETURNING id, name, phone, email`,
      [c.name, c.email ?? null],
    );
    return rows[0];
  }

  /** Name and phone of each contact that exists (bulk campaigns address contacts by id). */
  async phonesByIds(db: EntityManager, ids: string[]): Promise<Map<string, { phone: string | null; name: string }>> {
    if (!ids.length) return new Map();
    const rows: { id: string; name: string; phone: string | null }[] = await db.query(
      `SELECT id, name, phone FROM contacts WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { phone: r.phone, name: r.name }]));
  }
}
