import { normalizeVnPhone, sendZnsSpec, smsSegments, splitZnsParam } from '../../contract/index.ts';
import { defineNodeType, type StepResult } from '../node-type.ts';
import { customerPhone } from '../messages/recipients.ts';

/**
 * Renders the ZNS template's params and the phone; the Zalo connector sends it
 * (connectors/zalo/). Preconditions (connectors.md §9.2): a Vietnamese mobile, sent as
 * 84xxxxxxxxx, and every param filled for this order (a param that renders empty is one Zalo
 * refuses, -111/-112: skipped with its name rather than failing the run). The fallback SMS is
 * rendered here too, so that the connector only sends what the step showed.
 */
export const sendZnsNode = defineNodeType(sendZnsSpec, async ({ params, data, render }): Promise<StepResult> => {
  const raw = (await render(params.phone)).trim() || customerPhone(data);
  if (!raw) return { status: 'skipped', port: 'out', reason: 'no phone number: the order (shipping, billing) and its customer have none', code: 'no_phone', input: { phone: null } };
  const phone = normalizeVnPhone(raw);
  if (!phone.ok) return { status: 'skipped', port: 'out', reason: `${phone.reason}: ZNS goes only to Vietnamese mobiles`, code: 'bad_phone', args: { phone: raw }, input: { phone: raw } };

  const templateData: Record<string, string> = {};
  for (const entry of params.templateData) {
    const param = splitZnsParam(entry);
    if (!param) throw new Error(`"${entry}" is not written "name: value"`);
    const value = (await render(param.value)).trim();
    if (value === '') {
      return {
        status: 'skipped', port: 'out', reason: `the ZNS param "${param.name}" rendered empty for this order: Zalo refuses a template with an empty param`,
        code: 'zns_param_empty', args: { name: param.name }, input: { phone: phone.international, templateId: params.templateId, templateData },
      };
    }
    templateData[param.name] = value;
  }

  let fallback = null;
  if (params.smsFallback) {
    const text = (await render(params.fallbackText)).trim();
    if (text === '') throw new Error('the fallback SMS rendered empty');
    const parts = smsSegments(text);
    fallback = { account: params.fallbackAccount, phone: phone.national, text, unicode: parts.encoding === 'unicode', segments: parts.segments };
  }
  return {
    status: 'done',
    port: 'out',
    input: { phone: phone.international, templateId: params.templateId, templateData, ...(fallback ? { fallbackSms: fallback.text } : {}) },
    output: { phone: phone.international, templateId: params.templateId, params: Object.keys(templateData).length },
    intents: [{ kind: 'zalo.zns.send', account: params.account, phone: phone.international, templateId: params.templateId, templateData, fallback }],
  };
});
