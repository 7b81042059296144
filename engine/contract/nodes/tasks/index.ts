export * from './due.ts';
export * from './create-task.spec.ts';
export * from './trello-card.spec.ts';
export * from './asana-task.spec.ts';
