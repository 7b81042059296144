import type { Db } from '../database.ts';
import type { CustomFieldDto, SequenceEnrolmentDto } from '../../contract/index.ts';

export interface NewEnrolment {
  id: string;
  customerId: string;
  sequence: string;
  sequenceKey: string;
  orderId: string | null;
  enrolledAt: string;
  enrolledBy: string | null;
}

/** A run a sequence started, with the state of the enrolment that started it. */
export interface SequenceRunLink {
  enrolmentId: string;
  sequence: string;
  leftAt: string | null;
}

interface RawEnrolment {
  id: string;
  customer_id: string;
  sequence: string;
  order_id: string | null;
  enrolled_at: string;
  left_at: string | null;
}

const toDto = (r: RawEnrolment): SequenceEnrolmentDto => ({
  id: r.id, customerId: r.customer_id, sequence: r.sequence, enrolledAt: r.enrolled_at, leftAt: r.left_at, orderId: r.order_id,
});

/** Sequence enrolments and the runs each one started (migration 0014). */
export function createSequencesRepo(db: Db) {
  const insert = db.prepare(`INSERT INTO sequence_enrolments (id, customer_id, sequence, sequence_key, order_id, enrolled_at, enrolled_by)
    VALUES (@id, @customerId, @sequence, @sequenceKey, @orderId, @enrolledAt, @enrolledBy) ON CONFLICT DO NOTHING`);
  const open = db.prepare('SELECT * FROM sequence_enrolments WHERE customer_id = ? AND sequence_key = ? AND left_at IS NULL');
  const close = db.prepare('UPDATE sequence_enrolments SET left_at = ?, left_by = ? WHERE id = ? AND left_at IS NULL');
  const link = db.prepare('INSERT OR IGNORE INTO sequence_runs (run_id, enrolment_id) VALUES (?, ?)');
  const runsOf = db.prepare(`SELECT s.run_id AS id, r.order_id AS orderId, r.flow_id AS flowId, r.flow_version AS flowVersion
    FROM sequence_runs s JOIN runs r ON r.id = s.run_id WHERE s.enrolment_id = ? AND r.status IN ('queued', 'waiting')`);
  // A run of an ended enrolment that has not finished: never started, waiting, or taken up again.
  const cancel = db.prepare(`UPDATE runs SET status = 'cancelled', error = ?, finished_at = ?, due_at = NULL
    WHERE id = ? AND status IN ('queued', 'running', 'waiting')`);
  const linkOf = db.prepare(`SELECT e.id AS enrolmentId, e.sequence, e.left_at AS leftAt FROM sequence_runs s
    JOIN sequence_enrolments e ON e.id = s.enrolment_id WHERE s.run_id = ?`);
  const ofCustomer = db.prepare('SELECT * FROM sequence_enrolments WHERE customer_id = ? ORDER BY enrolled_at DESC, rowid DESC');
  const openCounts = db.prepare(`SELECT sequence_key AS key, MIN(sequence) AS name, COUNT(*) AS n FROM sequence_enrolments
    WHERE left_at IS NULL GROUP BY sequence_key`);
  const fieldNames = db.prepare(`SELECT j.key AS name, GROUP_CONCAT(DISTINCT j.type) AS types, COUNT(*) AS customers
    FROM customers c, json_each(c.fields) j WHERE j.type <> 'null' GROUP BY j.key ORDER BY customers DESC, j.key LIMIT 500`);

  return {
    /** Opens an enrolment; false when the customer already has one open in this sequence. */
    insert(e: NewEnrolment): boolean {
      return insert.run(e).changes === 1;
    },
    open(customerId: string, sequenceKey: string): SequenceEnrolmentDto | undefined {
      const r = open.get(customerId, sequenceKey) as RawEnrolment | undefined;
      return r && toDto(r);
    },
    /** Ends an open enrolment; false when it had ended already. */
    close(id: string, at: string, by: string | null): boolean {
      return close.run(at, by, id).changes === 1;
    },
    linkRun(runId: string, enrolmentId: string): void {
      link.run(runId, enrolmentId);
    },
    /**
     * The enrolment's runs that have not started or wait. One running now is left to the worker
     * that runs it: it is stopped when it next wakes (domain/sequences.ts).
     */
    liveRuns(enrolmentId: string): { id: string; orderId: string | null; flowId: string; flowVersion: number }[] {
      return runsOf.all(enrolmentId) as { id: string; orderId: string | null; flowId: string; flowVersion: number }[];
    },
    /** Cancels a run that is not over; false when it was. */
    cancelRun(runId: string, reason: string, at: string): boolean {
      return cancel.run(reason, at, runId).changes === 1;
    },
    /** The enrolment a run belongs to, if a sequence started it. */
    linkOf(runId: string): SequenceRunLink | undefined {
      return linkOf.get(runId) as SequenceRunLink | undefined;
    },
    ofCustomer(customerId: string): SequenceEnrolmentDto[] {
      return (ofCustomer.all(customerId) as RawEnrolment[]).map(toDto);
    },
    openCounts(): { key: string; name: string; n: number }[] {
      return openCounts.all() as { key: string; name: string; n: number }[];
    },
    /** The custom field names customers have, with the JSON types of their values. */
    customFields(): CustomFieldDto[] {
      return (fieldNames.all() as { name: string; types: string; customers: number }[]).map((r) => {
        const kinds = new Set(r.types.split(',').map((t) => (t === 'integer' || t === 'real' ? 'number' : t === 'true' || t === 'false' ? 'boolean' : 'text')));
        const type: CustomFieldDto['type'] = kinds.size === 1 ? ([...kinds][0] as CustomFieldDto['type']) : 'text';
        return { name: r.name, type, customers: r.customers };
      });
    },
  };
}
export type SequencesRepo = ReturnType<typeof createSequencesRepo>;
