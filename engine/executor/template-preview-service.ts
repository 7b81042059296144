import type { CanonicalEventType, TemplateDataSource, TemplateFieldPreview, TemplatePreviewDto, TemplateProblemDto, TemplateVariablesDto } from '../contract/index.ts';
import type { NodeRegistry } from '../nodes/registry.ts';
import type { TriggerData } from '../nodes/node-type.ts';
import type { Clock } from '../shared/clock.ts';
import { EngineError, notFound } from '../shared/errors.ts';
import { createDeliveryEventsQuery } from '../storage/repos/delivery-events.ts';
import type { Repositories } from '../storage/repositories.ts';
import { sampleTriggerData } from './sample-trigger-data.ts';
import { templateVariables } from './template-variables.ts';
import type { TemplateProblem, TemplateRenderer } from './templates.ts';

export interface TemplatePreviewDeps {
  repos: Repositories;
  registry: NodeRegistry;
  /** The renderer runs use, so that the preview says exactly what a run would. */
  templates: TemplateRenderer;
  clock: Clock;
}

/** Where the data comes from: a past order (id or number), a past delivery, or neither (the sample). */
export interface DataChoice {
  orderId?: string | undefined;
  inboxId?: number | undefined;
  event?: CanonicalEventType | undefined;
}

const DEFAULT_EVENT: CanonicalEventType = 'order.updated';

const toDto = (p: TemplateProblem): TemplateProblemDto => ({ kind: p.kind, message: p.message, line: p.position?.line ?? null, col: p.position?.col ?? null, token: p.token });

/**
 * The editor's view of templates: each template field of a node rendered over a past order
 * as a run would see it (nothing runs, nothing is written), a syntax check without data, and
 * the variables a template can name with their values in that order.
 */
export function createTemplatePreviewService(d: TemplatePreviewDeps) {
  const { repos, registry, templates, clock } = d;
  const deliveryEvents = createDeliveryEventsQuery(repos.db);

  /** The trigger data a run on this order (or delivery) would get, with the customer as stored. */
  function triggerData(a: DataChoice): { data: TriggerData; source: TemplateDataSource } {
    const nowIso = new Date(clock.now()).toISOString();
    if (a.inboxId !== undefined) {
      const events = deliveryEvents.of(a.inboxId);
      const chosen = events.find((e) => e.event.type === a.event) ?? events[0];
      if (!chosen) throw new EngineError('not_found', `delivery ${a.inboxId} made no order event to preview with`);
      const stored = chosen.orderId ? repos.orders.get(chosen.orderId) : undefined;
      const customer = stored?.customerId ? (repos.customers.get(stored.customerId) ?? null) : null;
      const { event } = chosen;
      const type = a.event ?? event.type;
      return {
        data: { event: { type, platform: event.platform, occurredAt: event.occurredAt, connectionId: event.connectionId }, order: { ...event.order, id: chosen.orderId }, customer, previous: event.previous },
        source: { kind: 'delivery', orderId: chosen.orderId, orderNumber: event.order.number, inboxId: a.inboxId, event: type },
      };
    }
    const type = a.event ?? DEFAULT_EVENT;
    if (a.orderId === undefined) {
      const data = sampleTriggerData(type, nowIso);
      return { data, source: { kind: 'sample', orderId: null, orderNumber: data.order.number, inboxId: null, event: type } };
    }
    const order = repos.orders.get(a.orderId) ?? repos.orders.findByNumber(a.orderId);
    if (!order) throw notFound('order', a.orderId);
    const customer = order.customerId ? (repos.customers.get(order.customerId) ?? null) : null;
    // As a dry run builds it (executor/run-service.ts): the order as stored, the status before its latest event.
    const previous = repos.events.latestForOrder(order.id)?.event.previous ?? null;
    return {
      data: { event: { type, platform: order.platform, occurredAt: nowIso, connectionId: order.connectionId }, order: { ...order.order, id: order.id }, customer, previous },
      source: { kind: 'order', orderId: order.id, orderNumber: order.order.number, inboxId: null, event: type },
    };
  }

  /** A render that also refuses a variable whose root the data lacks, even where `if` would hide it. */
  async function renderField(template: string, data: TriggerData, ref: { key: string; index: number | null }): Promise<TemplateFieldPreview> {
    const result = await templates.preview(template, data);
    if (!result.ok) return { ...ref, template, ok: false, problem: toDto(result.problem) };
    const unknown = await templates.checkWith(template, data);
    if (unknown) return { ...ref, template, ok: false, problem: toDto(unknown) };
    return { ...ref, template, ok: true, output: result.output };
  }

  return {
    async preview(a: DataChoice & { nodeType: string; params: Record<string, unknown> }): Promise<TemplatePreviewDto> {
      if (!registry.get(a.nodeType)) throw new EngineError('invalid_args', `"${a.nodeType}" is not a node type Flowdesk knows`);
      const fields = templateFields(registry, a.nodeType);
      const { data, source } = triggerData(a);
      const out: TemplateFieldPreview[] = [];
      for (const { key, list } of fields) {
        const value = a.params[key];
        if (list && Array.isArray(value)) {
          for (const [index, entry] of value.entries()) {
            if (typeof entry === 'string') out.push(await renderField(entry, data, { key, index }));
          }
        } else if (!list && typeof value === 'string') {
          out.push(await renderField(value, data, { key, index: null }));
        }
      }
      return { source, fields: out };
    },

    check(template: string): { problem: TemplateProblemDto | null } {
      const problem = templates.check(template);
      return { problem: problem ? toDto(problem) : null };
    },

    variables(a: DataChoice): TemplateVariablesDto {
      const { data, source } = triggerData(a);
      return { source, variables: templateVariables(data) };
    },
  };
}
export type TemplatePreviewService = ReturnType<typeof createTemplatePreviewService>;

/**
 * A node's template params, read off its params' JSON Schema as the editor's form reads it:
 * `widget: 'template'` is one template, `widget: 'tags'` a list of them (each tag, each header).
 */
export function templateFields(registry: NodeRegistry, nodeType: string): { key: string; list: boolean }[] {
  const dto = registry.toDtos().find((s) => s.type === nodeType);
  const properties = (dto?.paramsSchema['properties'] ?? {}) as Record<string, { widget?: unknown }>;
  return Object.entries(properties)
    .filter(([, p]) => p.widget === 'template' || p.widget === 'tags')
    .map(([key, p]) => ({ key, list: p.widget === 'tags' }));
}
