import type { DeliveryFilter, InboxEntryDetailDto, InboxEntryDto } from '../contract/index.ts';
import type { InboxRepo } from '../storage/repos/inbox-repo.ts';
import type { Repositories } from '../storage/repositories.ts';
import { notFound } from '../shared/errors.ts';
import { systemClock, type Clock } from '../shared/clock.ts';
import { createCaptureFiles, type DeliveryImporter } from './capture-files.ts';

/**
 * The inbox as users read it: every delivery, and one delivery's raw request as received; and
 * capture files out of it and into it (the importer is the listener's own decision path).
 */
export function createInboxService(repos: Repositories, deps: { importer?: DeliveryImporter; onRecorded?: (entry: InboxEntryDto) => void; clock?: Clock } = {}) {
  const captures = createCaptureFiles({ repos, clock: deps.clock ?? systemClock, importer: deps.importer, onRecorded: deps.onRecorded });
  return {
    list: (a: Parameters<InboxRepo['list']>[0]): InboxEntryDto[] => repos.inbox.list(a),
    search: (filter: DeliveryFilter, limit: number, beforeId?: number): InboxEntryDto[] => repos.inbox.search(filter, limit, beforeId),
    export: captures.export,
    import: captures.import,
    sign: captures.sign,
    get(id: number): InboxEntryDetailDto {
      const r = repos.inbox.get(id);
      if (!r) throw notFound('delivery', id);
      const body = r.body ?? Buffer.alloc(0);
      const text = new TextDecoder('utf-8', { fatal: false }).decode(body);
      const utf8 = Buffer.from(text, 'utf8').equals(body);
      const { resourceVersion: _rv, ...rest } = r;
      // (bodyPrunedAt says when retention removed the bytes, if it did.)
      return { ...rest, body: utf8 ? text : body.toString('base64'), bodyEncoding: utf8 ? 'utf8' : 'base64' };
    },
  };
}
export type InboxService = ReturnType<typeof createInboxService>;
