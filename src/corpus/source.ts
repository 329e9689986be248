// Publisher names from article URLs: the `source` of an article (Deutsche Welle, The Economist,
// otherwise the host name itself).

const PUBLISHERS: [host: string, name: string][] = [
  ['dw.com', 'Deutsche Welle'],
  ['dw.de', 'Deutsche Welle'],
  ['economist.com', 'The Economist'],
];

/** The publisher of a URL's host; subdomains count (www.dw.com → Deutsche Welle). */
export function sourceOfHost(host: string): string {
  const h = host.toLowerCase().replace(/\.$/, '');
  for (const [domain, name] of PUBLISHERS) {
    if (h === domain || h.endsWith(`.${domain}`)) return name;
  }
  return h.replace(/^www\./, '');
}
