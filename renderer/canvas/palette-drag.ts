/** The drag-and-drop type that carries a node type id from the palette to the canvas. */
export const paletteMime = 'application/x-flowdesk-node-type';
