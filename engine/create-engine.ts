import { createServer, type Server } from 'node:http';
import { close, listen, type EngineOptions, type StartedEngine } from './create-engine-options.ts';
import { join } from 'node:path';
import type { ApiArgsInput, ApiMethodName, ApiReply, ApiResult, EngineEventMessage } from './contract/index.ts';
import { openStore } from './storage/open-store.ts';
import { createStorageService } from './storage/storage-service.ts';
import { startCheckpointer, type Checkpointer } from './storage/checkpointer.ts';
import { createPlatformRegistry } from './platforms/registry.ts';
import { createNodeRegistry } from './nodes/registry.ts';
import { createQueue } from './queue/queue.ts';
import { createWorker } from './queue/worker.ts';
import { createIngest, DELIVERY_JOB } from './webhooks/ingest.ts';
import { createWebhookListener } from './webhooks/listener.ts';
import { createEventBus } from './shared/event-bus.ts';
import { createActiveFlows } from './flows/active-flows.ts';
import { createFlowService } from './flows/flow-service.ts';
import { createGalleryService } from './flows/gallery-service.ts';
import { bundledGalleryDir } from './flows/gallery-dir.ts';
import { createTemplateRenderer } from './executor/templates.ts';
import { createExecutor } from './executor/execute-run.ts';
import { runJobs } from './executor/run-jobs.ts';
import { createSqliteRunStore, RUN_JOB } from './executor/sqlite-run-store.ts';
import { createApplySink, createRecordSink } from './executor/effect-sink.ts';
import { createRunService } from './executor/run-service.ts';
import { createTemplatePreviewService } from './executor/template-preview-service.ts';
import { builtinConnectorRuntimes, builtinIntentHandlers, zaloTokenKeeper } from './connectors/index.ts';
import { createStoreApis } from './connectors/store-api/store-apis.ts';
import { storeApiOf } from './connectors/store-api/definitions.ts';
import { createReconciler } from './processing/reconcile.ts';
import { createReconcileSchedule } from './processing/reconcile-schedule.ts';
import { createAccountsService } from './connectors/accounts-service.ts';
import { reportingTagsAdded } from './connectors/flowdesk/in-app-intents.ts';
import { createFlowRuns } from './domain/flow-runs.ts';
import { cancellingLeftSequences, createSequences } from './domain/sequences.ts';
import { createFlowStarts } from './domain/flow-starts.ts';
import { customerIntentHandlers } from './connectors/customers/customer-intents.ts';
import { createSchedules, SCHEDULE_JOB } from './processing/schedules.ts';
import { createManualRuns } from './executor/manual-runs.ts';
import { createReruns } from './executor/reruns.ts';
import { batchSummary } from './executor/batch-summary.ts';
import { createReplays } from './processing/replay.ts';
import { createReplayPayload } from './processing/replay-payload.ts';
import { createTestDeliveries } from './processing/test-delivery.ts';
import { createRunBatchesRepo } from './storage/repos/run-batches-repo.ts';
import { createScheduleJobsRepo } from './storage/repos/schedule-jobs-repo.ts';
import { createTimeline } from './domain/timeline.ts';
import { createOrderService } from './domain/orders.ts';
import { createInboxService } from './domain/inbox.ts';
import { createCustomerService } from './domain/customers.ts';
import { createTaskService } from './domain/tasks.ts';
import { createDeliveryProcessor } from './processing/process-delivery.ts';
import { createFulfillmentService } from './processing/fulfillment-service.ts';
import { createMarketplaceService } from './processing/marketplace-service.ts';
import { allowedFoIds, recordFlowFoWrite } from './processing/fulfillment-steps.ts';
import { createStoreWriter } from './connectors/store-api/store-writer.ts';
import { createHandlers } from './api/handlers.ts';
import { createConnectionService } from './domain/connections.ts';
import { createDispatch } from './api/dispatch.ts';
import { createApiApp } from './api/http-transport.ts';
import { dataFiles } from './storage/data-dir.ts';
import { loadOrCreateToken } from './storage/token.ts';
import { readRuntime, removeRuntime, writeRuntime } from './storage/runtime-file.ts';
import { EngineError } from './shared/errors.ts';
import { createVariableCheck } from './executor/template-variable-check.ts';
import { newId } from './shared/ids.ts';
import { systemClock } from './shared/clock.ts';
import { createConsoleLogger } from './shared/logger.ts';

export const ENGINE_VERSION = '0.1.0';
export type { EngineOptions, StartedEngine } from './create-engine-options.ts';

/** The composition root: everything an engine is, built from its options, with no module-level state. */
export function createEngine(options: EngineOptions) {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createConsoleLogger();
  const dataDir = options.dataDir;
  const runtimeFile = join(dataDir, dataFiles.runtime);
  const owner = newId('eng');
  const dbFile = join(dataDir, dataFiles.database);
  const backupsDir = join(dataDir, dataFiles.backups);
  const { db, repos, sealed, restored } = openStore(dataDir, {
    nowMs: clock.now(), synchronous: options.synchronous ?? 'normal', secretKey: options.secretKey,
    onUpgrade: {
      starting: (pending) => logger.info(`upgrading the database for this version (once; a large one can take a while): ${pending.join(', ')}`),
      finished: (applied) => logger.info(`database upgraded in ${(applied.reduce((ms, m) => ms + m.ms, 0) / 1000).toFixed(1)} s`, {
        migrations: applied.map((m) => `${m.name} ${Math.round(m.ms)} ms`).join(', '),
      }),
    },
  });
  const token = loadOrCreateToken(join(dataDir, dataFiles.token));
  const platforms = createPlatformRegistry(options.adapters);
  const nodes = createNodeRegistry();
  const bus = createEventBus(logger);
  const queue = createQueue(repos.jobs, clock, { owner, ...options.queue });
  const transport = options.fetch ?? fetch;
  const timeline = createTimeline(repos.timeline);
  const orders = createOrderService(repos, timeline);
  const templates = createTemplateRenderer();
  const runs = createRunService({ repos, timeline, bus, clock, registry: nodes, execute: (runId) => executor.execute(runId) });
  const activeFlows = createActiveFlows(repos.flows, nodes);
  const flowRuns = createFlowRuns({ repos, timeline, queue, activeFlows });
  const schedules = createSchedules({ repos, plans: createScheduleJobsRepo(db), queue, flowRuns, clock });
  const flows = createFlowService(repos, nodes, activeFlows, clock, {
    checkTemplate: (text) => templates.check(text)?.message ?? null,
    checkVariables: createVariableCheck((text) => templates.globals(text)),
    onStopped: (flowId, why) => {
      runs.cancelWaiting(flowId, { code: why === 'deleted' ? 'flow_deleted' : 'flow_turned_off' });
      schedules.plan(flowId, why === 'deleted' ? 'the flow was deleted' : 'the flow was turned off');
    },
    onActivated: (flowId, version) => schedules.plan(flowId, `version ${version} was turned on`),
  });
  // The tag actions fire `order.tag_added` / `customer.tag_added` and queue the runs they start.
  const zaloTokens = zaloTokenKeeper({ repos, fetch: transport });
  const storeApis = createStoreApis({ platforms, fetch: transport, clock, ...(options.storeApiSleep ? { sleep: options.storeApiSleep } : {}) });
  const handlers = reportingTagsAdded(builtinIntentHandlers({ repos, timeline, fetch: transport, zaloTokens, storeApis, now: () => clock.now(), onFulfillment: recordFlowFoWrite(repos, timeline) }), flowRuns.tagsAdded);
  // The customer actions: fields, sequences (their runs cancelled when the customer leaves), starting another flow.
  const sequences = createSequences({ repos, timeline, flowRuns, activeFlows });
  handlers.push(...customerIntentHandlers({ repos, timeline, sequences, flowStarts: createFlowStarts({ repos, activeFlows, flowRuns }) }));
  const executor = createExecutor({
    store: cancellingLeftSequences(createSqliteRunStore({ repos, timeline, orders, queue, bus, typeLabel: (type) => nodes.get(type)?.spec.label }), sequences, () => clock.now(), (said) => said.forEach((e) => bus.emit('timeline.appended', e))),
    sinks: { apply: createApplySink(handlers), record: createRecordSink(handlers) },
    registry: nodes,
    templates,
    clock,
    lookups: { fulfillmentOrders: (orderId, action) => allowedFoIds(repos, orderId, action) },
  });
  const connections = createConnectionService({
    repos, platforms, clock, webhookBaseUrl: () => info().webhookBaseUrl,
    storeApi: storeApiOf,
    onApiChanged: (id) => reconcileSchedule.replan(id),
    flowsLosing: (remaining) => flows.unservable(remaining),
    onFlowsStopped: (ids) => {
      activeFlows.invalidate();
      for (const id of ids) runs.cancelWaiting(id, { code: 'connection_removed' });
      for (const id of ids) schedules.plan(id, "the store's connection it needs was removed");
    },
  });
  const ingest = createIngest(repos, platforms, connections, queue, clock);
  const reconciler = createReconciler({ repos, queue, clock, bus, logger, storeApis, deliveryJob: DELIVERY_JOB });
  const reconcileSchedule = createReconcileSchedule(repos, reconciler);
  const deliveries = createDeliveryProcessor({ repos, timeline, orders, platforms, connections, nodes, queue, clock, bus, activeFlows, fetch: transport, storeApis, dryRunsOnly: options.dryRunsOnly ?? false });
  // Deliveries and runs are done many to a transaction. While webhooks arrive, 16: a batch holds the
  // event loop half as long, so answers wait less (bench, 1,000,000 deliveries stored: ack p99 22 → 15 ms,
  // 23 ms while upkeep runs, against 42 with 32); a backlog with nobody waiting goes 32 at a time.
  const batchSize = () => (ingest.arriving() ? 16 : 32);
  const worker = createWorker(
    queue,
    {
      [DELIVERY_JOB]: deliveries.one,
      [SCHEDULE_JOB]: schedules.fire,
    },
    clock,
    logger,
    { concurrency: options.workers ?? 2, batches: { [DELIVERY_JOB]: { size: batchSize, handle: deliveries.batch }, [RUN_JOB]: runJobs(executor, queue, batchSize) } },
  );

  let checkpointer: Checkpointer | null = null;
  let webhookServer: Server | null = null;
  let apiServer: Server | null = null;
  let started: (StartedEngine & { startedAt: string }) | null = null;
  const info = () => ({
    version: ENGINE_VERSION,
    dataDir,
    apiUrl: started?.apiUrl ?? '',
    webhookBaseUrl: options.publicWebhookUrl?.replace(/\/$/, '') ?? started?.webhookBaseUrl ?? '',
    startedAt: started?.startedAt ?? '',
  });
  const storage = createStorageService(repos, clock, logger, {
    dataDir, dbFile, backupsDir, onRestartRequested: options.onRestartRequested, arriving: () => ingest.arriving(),
    // The WAL is cut back only when no webhook has arrived for a while: that holds writers.
    checkpoint: async () => {
      if (!checkpointer) return void db.pragma('wal_checkpoint(PASSIVE)');
      return ingest.quietForMs() >= 2_000 ? checkpointer.truncate() : checkpointer.checkpoint();
    },
    ...(options.maintenanceEveryMs !== undefined ? { maintenanceEveryMs: options.maintenanceEveryMs } : {}),
  });
  // Runs by hand, re-runs and replays (issue 15) share batches: progress, cancel, summary.
  const runBatches = createRunBatchesRepo(db);
  const manualRuns = createManualRuns({ repos, batches: runBatches, flowRuns, timeline, registry: nodes, bus, clock });
  const reruns = createReruns({ repos, batches: runBatches, timeline, registry: nodes, queue, bus, clock, batchView: (id) => manualRuns.batch(id), execute: (runId) => executor.execute(runId) });
  const replays = createReplays({ repos, activeFlows, registry: nodes, reruns, payload: createReplayPayload({ repos, platforms, connections, clock, fetch: transport }) });
  const dispatch = createDispatch(createHandlers({
    connections, reconcile: reconciler, orders, runs, flows, nodes, queue, storage, info,
    manualRuns, reruns, replays, batchSummary: (id) => batchSummary(repos, runBatches, id),
    gallery: createGalleryService(options.galleryDir ?? bundledGalleryDir(), nodes, logger, (connectors) =>
      connectors.flatMap((c) => repos.accounts.list(c).map((a) => a.id))),
    templates: createTemplatePreviewService({ repos, registry: nodes, templates, clock }),
    deliveries: createInboxService(repos, { importer: ingest, clock, onRecorded: (entry) => bus.emit('delivery.received', entry) }), customers: createCustomerService(repos.customers, { repos, timeline }), timeline, sequences,
    tasks: createTaskService({ repos, timeline, bus, clock }),
    testDeliveries: { 'connections.sendTestDelivery': createTestDeliveries({ repos, platforms, connections, clock, listenerUrl: () => started?.webhookBaseUrl ?? '' }).send },
    fulfillment: createFulfillmentService({ repos, timeline, orders, storeApis, writer: createStoreWriter({ repos, apis: storeApis, now: () => clock.now() }), bus, clock }),
    marketplace: createMarketplaceService({ repos, timeline, orders, bus, clock }),
    accounts: createAccountsService({
      repos, registry: nodes, clock, runtimes: builtinConnectorRuntimes({ fetch: transport, repos, zaloTokens }),
      onFlowsStopped: (ids) => {
        activeFlows.invalidate();
        for (const id of ids) runs.cancelWaiting(id, { code: 'account_removed' });
        for (const id of ids) schedules.plan(id, 'the connector account it uses was removed');
      },
    }),
  }), logger);

  return {
    token,
    dataDir,
    dispatch,
    /** Calls an API method; throws an EngineError with the contract's code on failure. */
    async call<M extends ApiMethodName>(method: M, args: ApiArgsInput<M>): Promise<ApiResult<M>> {
      const reply: ApiReply = await dispatch(method, args);
      if (!reply.ok) throw new EngineError(reply.error.code, reply.error.message, reply.error.details);
      return reply.result as ApiResult<M>;
    },
    subscribe(listener: (m: EngineEventMessage) => void): () => void {
      return bus.subscribe(listener);
    },
    info,

    async start(): Promise<StartedEngine> {
      if (started) return started;
      const other = readRuntime(runtimeFile);
      if (other) throw new Error(`another Flowdesk engine (pid ${other.pid}) is using ${dataDir}; its API is ${other.apiUrl}`);
      if (restored) logger.info(`restored the database from ${restored.restoredFrom}; the one before is kept as ${restored.savedCurrentAs}`);
      if (sealed > 0) logger.info(`encrypted the secrets of ${sealed} connection(s) stored before encryption at rest`);
      const reclaimed = queue.reclaimAbandoned();
      if (reclaimed > 0) logger.info(`took up ${reclaimed} job(s) left unfinished by an earlier run`);
      // Every schedule that is on has its next firing planned; one missed while closed fires late, once.
      schedules.planAll();

      const webhookHost = options.webhookHost ?? '127.0.0.1';
      try {
        webhookServer = createServer(createWebhookListener(ingest, {
          bodyLimit: options.bodyLimit ?? 5 * 1024 * 1024,
          logger,
          onRecorded: (entry) => bus.emit('delivery.received', entry),
        }));
        webhookServer.keepAliveTimeout = 65_000;
        const webhookPort = await listen(webhookServer, options.webhookPort ?? 7430, webhookHost);
        const shownHost = webhookHost === '0.0.0.0' || webhookHost === '::' ? '127.0.0.1' : webhookHost;
        const webhookBaseUrl = `http://${shownHost}:${webhookPort}`;
        let apiUrl = '';
        if (options.http !== false) {
          let origins: string[] = [];
          apiServer = createServer(createApiApp(dispatch, bus, { token, allowedOrigins: () => origins, staticDir: options.staticDir }));
          const apiPort = await listen(apiServer, options.apiPort ?? 7431, '127.0.0.1');
          apiUrl = `http://127.0.0.1:${apiPort}`;
          origins = [apiUrl, `http://localhost:${apiPort}`];
        }
        started = { apiUrl, webhookBaseUrl, startedAt: new Date(clock.now()).toISOString() };
        writeRuntime(runtimeFile, { pid: process.pid, apiUrl, webhookBaseUrl, startedAt: started.startedAt });
      } catch (error) {
        await close(webhookServer);
        await close(apiServer);
        throw error;
      }
      checkpointer = startCheckpointer(db, logger);
      worker.start();
      storage.start();
      // Orders changed while the engine was down are fetched now, then on each connection's schedule.
      if (options.reconcileAtStart !== false) reconcileSchedule.start();
      logger.info('engine started', { dataDir, api: started.apiUrl, webhooks: started.webhookBaseUrl });
      return started;
    },

    /** Stops listening, lets jobs under way finish, and closes the database. */
    async stop(): Promise<void> {
      await close(webhookServer);
      await close(apiServer);
      await storage.stop();
      reconcileSchedule.stop();
      await reconciler.settle();
      await worker.stop();
      if (db.open) db.close();
      // After the engine's connection: the thread closes its descriptor of the file (checkpointer.ts).
      await checkpointer?.stop();
      checkpointer = null;
      if (started) removeRuntime(runtimeFile);
      started = null;
    },

    /** Resolves when no job is under way or due within `horizonMs`. */
    idle: (horizonMs?: number) => worker.idle(horizonMs),
  };
}
export type Engine = ReturnType<typeof createEngine>;
