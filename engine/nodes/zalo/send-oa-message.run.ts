import { isZaloUserId, sendZaloOaSpec, splitTableRow, ZALO_CONSULTATION_WINDOW_MS } from '../../contract/index.ts';
import { defineNodeType, type StepResult } from '../node-type.ts';

const filled = (s: string | null | undefined): string | null => (s && s.trim() !== '' ? s.trim() : null);

/**
 * Renders the OA message; the Zalo connector sends it (connectors/zalo/). Preconditions
 * (connectors.md §9.2): the customer's Zalo user id (known once they wrote to the OA), and for
 * a consultation message a message from them within 7 days: outside it Zalo refuses (-230),
 * so the step is skipped before calling, saying to use ZNS. The window is read from the
 * customer Flowdesk knows; a user id typed in the step is someone else, whose window only
 * Zalo knows.
 */
export const sendZaloOaNode = defineNodeType(sendZaloOaSpec, async ({ params, data, render, nowMs }): Promise<StepResult> => {
  const typed = (await render(params.userId)).trim();
  const known = filled(data.customer?.zaloUserId) ?? filled(data.order.customer?.zaloUserId);
  const userId = typed || known;
  if (!userId) return { status: 'skipped', port: 'out', reason: 'no Zalo user: the customer has not written to the Zalo OA, so their Zalo user id is not known', code: 'no_zalo_user', input: { userId: null } };
  if (!isZaloUserId(userId)) return { status: 'skipped', port: 'out', reason: `"${userId}" is not a Zalo user id (a number such as 2468458835296197922)`, code: 'bad_zalo_user', args: { userId }, input: { userId } };

  if (params.kind === 'consultation' && userId === known) {
    const at = data.customer?.zaloInteractedAt ?? null;
    const since = at ? nowMs - Date.parse(at) : Number.POSITIVE_INFINITY;
    if (!(since <= ZALO_CONSULTATION_WINDOW_MS)) {
      const when = at ? `last wrote on ${at}` : 'has never written to it';
      return {
        status: 'skipped', port: 'out', reason: `the customer has not interacted with the OA in 7 days (${when}): use ZNS`,
        code: 'zalo_no_interaction', ...(at ? { args: { at } } : {}), input: { userId, kind: params.kind },
      };
    }
  }

  const text = (await render(params.text)).trim();
  if (text === '') throw new Error('the message rendered empty');
  if (params.kind === 'consultation') {
    if (text.length > 2_000) throw new Error(`the message is ${text.length} characters long; Zalo takes at most 2000`);
    return {
      status: 'done', port: 'out', input: { userId, kind: params.kind, text }, output: { userId, kind: params.kind, characters: text.length },
      intents: [{ kind: 'zalo.oa.send', account: params.account, userId, messageKind: 'consultation', text, transaction: null }],
    };
  }

  const header = (await render(params.header)).trim();
  if (header === '') throw new Error('the title rendered empty');
  const table: { key: string; value: string }[] = [];
  for (const entry of params.table) {
    const row = splitTableRow(entry);
    if (!row) throw new Error(`"${entry}" is not written "Label: value"`);
    const value = (await render(row.value)).trim();
    // A row without a value (a field this order lacks) is left out rather than shown empty.
    if (value !== '') table.push({ key: row.key, value });
  }
  const url = (await render(params.buttonUrl)).trim();
  if (params.buttonTitle !== '' && !/^https?:\/\//.test(url)) throw new Error(`the button link rendered as "${url}", not an http(s) URL`);
  const button = params.buttonTitle !== '' ? { title: params.buttonTitle, url } : null;
  const transaction = { header, table, button };
  return {
    status: 'done', port: 'out', input: { userId, kind: params.kind, header, text, table }, output: { userId, kind: params.kind, rows: table.length },
    intents: [{ kind: 'zalo.oa.send', account: params.account, userId, messageKind: 'transaction', text, transaction }],
  };
});
