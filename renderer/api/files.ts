/** A picked file's bytes as base64, the form the API carries files in. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In chunks: String.fromCharCode takes only so many arguments.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** An exported workbook (base64, as the API carries it) handed to the browser as a download. */
export function downloadExported(file: { fileName: string; content: string }): void {
  downloadFile(
    file.fileName,
    Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0)),
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
}

/** Hands bytes to the browser as a download; the Electron window shows its save dialog. */
export function downloadFile(fileName: string, bytes: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  Object.assign(document.createElement('a'), { href: url, download: fileName }).click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
