// The HTTP client of the segment-serving bench, in a process of its own so that its work is on neither server's
// side: fetches the given URLs round-robin, `concurrency` at a time, for `seconds`, each body read to its end; prints
// one JSON line, { requests, bytes, seconds, failures }. Arguments: a JSON object { urls, headers, concurrency, seconds },
// each URL with the byte range a player asks for (the segment less its init part), if any.
interface ClientJob {
  urls: { url: string; range?: string }[];
  headers: Record<string, string>;
  concurrency: number;
  seconds: number;
}

const job = JSON.parse(process.argv[2] ?? '{}') as ClientJob;
let next = 0;
let requests = 0;
let bytes = 0;
let failures = 0;
const started = performance.now();
const until = started + job.seconds * 1000;

async function fetchLoop(): Promise<void> {
  while (performance.now() < until) {
    const target = job.urls[next++ % job.urls.length];
    if (target === undefined) throw new Error('the bench client was given no URL');
    const { url, range } = target;
    const response = await fetch(url, { headers: range === undefined ? job.headers : { ...job.headers, range } });
    const body = await response.arrayBuffer();
    if (response.status === 200 || response.status === 206) {
      requests += 1;
      bytes += body.byteLength;
    } else failures += 1;
  }
}

await Promise.all(Array.from({ length: job.concurrency }, fetchLoop));
process.stdout.write(
  `${JSON.stringify({ requests, bytes, seconds: (performance.now() - started) / 1000, failures })}\n`,
);
