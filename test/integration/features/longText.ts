/** Distinct paragraphs (the analyzer recognises a repeated block once), `chars` characters in all. */
export function longText(chars: number): string {
  const paragraphs: string[] = [];
  for (let i = 0, n = 0; n < chars; i++) {
    const p = `MR. HARTLEY: On March ${1 + (i % 28)}, ${1990 + (i % 35)}, delegation ${i} said the New START limits would hold until ${2000 + (i % 30)}, and the INF Treaty was gone.\n\n`;
    paragraphs.push(p);
    n += p.length;
  }
  return paragraphs.join('');
}
