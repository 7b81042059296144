/** The id in `#/flows/new` that opens the editor on a flow not saved yet. */
export const newFlowId = 'new';
