import type { FlowFile } from '../../../engine/contract/index.ts';

/** "Tag big orders VIP", 2 → "tag-big-orders-vip-v2.flow.json" (diacritics dropped: "Đơn lớn" → "don-lon"). */
export function flowFileName(name: string, version: number): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'flow'}-v${version}.flow.json`;
}

/** Hands a flow file to the browser (or Electron) as a download. */
export function downloadFlowFile(file: FlowFile, fileName: string): void {
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the blob over; release it once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
