/** Hands a text file to the browser's downloads; injectable because jsdom has no object URLs. */
export type Download = (filename: string, text: string) => void;

export const browserDownload: Download = (filename, text) => {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  // Revoked on the next task: the click starts the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 0);
};

/** Today as YYYY-MM-DD, for file names a dealer can sort. */
export const fileDate = () => new Date().toISOString().slice(0, 10);
